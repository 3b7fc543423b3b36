// Admins create users and grant roles, each inside the subtree their own grants cover.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { authorise, canGrant, type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { ROLE_LEVELS, type Role } from "../../../platform/auth/roles.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { decodeCursor, toPage } from "../../../platform/http/cursor.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { CreateUserInput, GrantRoleInput } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { hashPassword } from "../passwords.ts";

type D = Pick<Deps, "db" | "events" | "config">;
type Ctx = Context & { principal: Principal | null };

/** A user is in scope when their home unit is; users without a home unit are visible to system admins only. */
async function loadScopedUser(deps: D, ctx: Ctx, userId: string, permission: "user.read" | "user.manage") {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw notFound();
  const path = user.homeUnitPath ?? "/";
  authorise(ctx.principal, permission, { code: user.homeUnitCode ?? "", path });
  return user;
}

/** Unknown admin-unit codes are a 400 naming the field, not a 404 of the whole request. */
async function unitForField(deps: D, code: string, field: string) {
  try {
    return await getAdminUnit(deps, code);
  } catch {
    throw new AppError("validation", "error.validation", [{ field, code: "unknown_unit", message: "validation.unknownUnit" }]);
  }
}

export async function createUser(deps: D, ctx: Ctx, input: z.infer<typeof CreateUserInput>): Promise<string> {
  const unit = await unitForField(deps, input.homeUnitCode, "homeUnitCode");
  authorise(ctx.principal, "user.manage", unit);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.tx(async (q) => {
    if (await repo.usernameTaken(q, input.username)) {
      throw new AppError("conflict", "error.validation", [{ field: "username", code: "taken", message: "users.usernameTaken" }]);
    }
    const id = await repo.insertUser(q, { ...input, passwordHash, homeUnitCode: unit.code });
    await deps.events.publish(q, {
      type: "user.created",
      actor: ctx.actor,
      target: { type: "user", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { username: input.username, kind: input.kind },
    });
    return id;
  });
}

export async function getUser(deps: D, ctx: Ctx, userId: string) {
  const user = await loadScopedUser(deps, ctx, userId, "user.read");
  // Reading someone's contact details is a read of personal data: it is audited.
  await deps.db.tx((q) =>
    deps.events.publish(q, {
      type: "personalData.read",
      actor: ctx.actor,
      target: { type: "user", id: user.id },
      adminUnitCode: user.homeUnitCode,
      requestId: ctx.requestId,
    }),
  );
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: !!passwordHash };
}

export async function listUsers(deps: D, ctx: Ctx, page: { cursor?: string; limit: number; q?: string }) {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(ctx.principal, "user.read");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  const after = decodeCursor(page.cursor, 1) as [string] | null;
  const rows = await repo.listUsers(deps.db, { paths, after: after?.[0] ?? null, limit: page.limit + 1, text: page.q });
  return toPage(
    rows.map(({ passwordHash, ...u }) => u),
    page.limit,
    (u) => [u.username.toLowerCase()],
  );
}

export async function grantRole(deps: D, ctx: Ctx, userId: string, input: z.infer<typeof GrantRoleInput>): Promise<boolean> {
  const user = await loadScopedUser(deps, ctx, userId, "user.manage");
  const unit = await unitForField(deps, input.adminUnitCode, "adminUnitCode");
  authorise(ctx.principal, "user.manage", unit);
  if (!canGrant(ctx.principal, input.role, unit)) {
    throw new AppError("forbidden", "error.validation", [{ field: "role", code: "not_grantable", message: "users.roleNotGrantable" }]);
  }
  if (!ROLE_LEVELS[input.role].includes(unit.level)) {
    throw new AppError("validation", "error.validation", [{ field: "adminUnitCode", code: "level", message: "users.roleWrongLevel" }]);
  }
  return deps.db.tx(async (q) => {
    const added = await repo.insertGrant(q, user.id, input.role, unit.code, ctx.actor.userId);
    if (added)
      await deps.events.publish(q, {
        type: "role.granted",
        actor: ctx.actor,
        target: { type: "user", id: user.id },
        adminUnitCode: unit.code,
        requestId: ctx.requestId,
        details: { role: input.role },
      });
    return added;
  });
}

export async function revokeRole(deps: D, ctx: Ctx, userId: string, input: { role: Role; adminUnitCode: string }): Promise<boolean> {
  const user = await loadScopedUser(deps, ctx, userId, "user.manage");
  const unit = await unitForField(deps, input.adminUnitCode, "adminUnitCode");
  authorise(ctx.principal, "user.manage", unit);
  if (!canGrant(ctx.principal, input.role, unit)) {
    throw new AppError("forbidden", "error.validation", [{ field: "role", code: "not_grantable", message: "users.roleNotGrantable" }]);
  }
  if (user.id === ctx.principal.userId && input.role === "system_admin") {
    throw new AppError("conflict", "error.validation", [{ field: "role", code: "self", message: "users.cannotRevokeOwnAdmin" }]);
  }
  return deps.db.tx(async (q) => {
    const removed = await repo.deleteGrant(q, user.id, input.role, unit.code);
    if (removed)
      await deps.events.publish(q, {
        type: "role.revoked",
        actor: ctx.actor,
        target: { type: "user", id: user.id },
        adminUnitCode: unit.code,
        requestId: ctx.requestId,
        details: { role: input.role },
      });
    return removed;
  });
}

export async function setUserDisabled(deps: D, ctx: Ctx, userId: string, disabled: boolean): Promise<void> {
  const user = await loadScopedUser(deps, ctx, userId, "user.manage");
  if (user.id === ctx.principal?.userId)
    throw new AppError("conflict", "error.validation", [{ field: "disabled", code: "self", message: "users.cannotDisableSelf" }]);
  await deps.db.tx(async (q) => {
    await repo.setDisabled(q, user.id, disabled);
    // A disabled account loses its open sessions at once.
    if (disabled) await repo.deleteUserSessions(q, user.id);
    await deps.events.publish(q, {
      type: disabled ? "user.disabled" : "user.enabled",
      actor: ctx.actor,
      target: { type: "user", id: user.id },
      adminUnitCode: user.homeUnitCode,
      requestId: ctx.requestId,
    });
  });
}
