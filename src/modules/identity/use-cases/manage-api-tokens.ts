// API tokens for machine clients: each carries one role on one unit, never more than its owner holds.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { CreateApiTokenInput } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { hashSecret, newSecret } from "../tokens.ts";

type D = Pick<Deps, "db" | "events" | "config" | "clock">;
type Ctx = Context & { principal: Principal | null };

function requireUser(ctx: Ctx): Principal {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  // A token cannot mint further tokens: only a signed-in person can.
  if (ctx.principal.tokenId) throw new AppError("forbidden", "error.forbidden");
  return ctx.principal;
}

export async function createApiToken(deps: D, ctx: Ctx, input: z.infer<typeof CreateApiTokenInput>): Promise<{ id: string; token: string }> {
  const me = requireUser(ctx);
  let unit;
  try {
    unit = await getAdminUnit(deps, input.adminUnitCode);
  } catch {
    throw new AppError("validation", "error.validation", [{ field: "adminUnitCode", code: "unknown_unit", message: "validation.unknownUnit" }]);
  }
  const covered = me.grants.some((g) => g.role === input.role && unit.path.startsWith(g.unitPath));
  if (!covered) throw new AppError("forbidden", "error.validation", [{ field: "role", code: "not_held", message: "tokens.roleNotHeld" }]);
  const token = newSecret("xaso");
  const expiresAt = new Date(deps.clock.now().getTime() + input.expiresInDays * 86_400_000);
  const id = await deps.db.tx(async (q) => {
    const id = await repo.insertApiToken(q, {
      userId: me.userId,
      name: input.name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, 9),
      role: input.role,
      adminUnitCode: unit.code,
      expiresAt,
    });
    await deps.events.publish(q, {
      type: "apiToken.created",
      actor: ctx.actor,
      target: { type: "apiToken", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { name: input.name, role: input.role },
    });
    return id;
  });
  return { id, token };
}

export async function listApiTokens(deps: D, ctx: Ctx) {
  return repo.listApiTokens(deps.db, requireUser(ctx).userId);
}

export async function revokeApiToken(deps: D, ctx: Ctx, tokenId: string): Promise<void> {
  const me = requireUser(ctx);
  await deps.db.tx(async (q) => {
    if (!(await repo.revokeApiToken(q, me.userId, tokenId))) throw new AppError("not_found", "error.notFound");
    await deps.events.publish(q, {
      type: "apiToken.revoked",
      actor: ctx.actor,
      target: { type: "apiToken", id: tokenId },
      adminUnitCode: null,
      requestId: ctx.requestId,
    });
  });
}

export async function resolveApiToken(deps: Pick<Deps, "db" | "clock">, token: string): Promise<Principal | null> {
  if (!/^xaso_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.clock.now();
  const found = await repo.findPrincipalByToken(deps.db, hashSecret(token), now);
  if (!found) return null;
  const { lastUsedAt, ...principal } = found;
  // "Last used" is for people reviewing tokens: a minute's precision spares a write (and a flush) per request.
  if (!lastUsedAt || now.getTime() - new Date(lastUsedAt).getTime() > TOKEN_TOUCH_AFTER_MS) await repo.touchApiToken(deps.db, principal.tokenId!, now);
  return principal;
}

const TOKEN_TOUCH_AFTER_MS = 60_000;
