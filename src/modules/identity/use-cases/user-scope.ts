// What every use case on someone else's account checks first: the account is in the caller's scope, and the
// unit a form names exists.
import type { Deps } from "../../../deps.ts";
import { authorise, canGrant, type Principal } from "../../../platform/auth/authorise.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import * as repo from "../identity.repository.ts";

export type Ctx = Context & { principal: Principal | null };

/** A user is in scope when their home unit is; users without a home unit are visible to system admins only. */
export async function loadScopedUser(deps: Pick<Deps, "db">, ctx: Ctx, userId: string, permission: "user.read" | "user.manage") {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw notFound();
  const path = user.homeUnitPath ?? "/";
  authorise(ctx.principal, permission, { code: user.homeUnitCode ?? "", path });
  return user;
}

/** Unknown admin-unit codes are a 400 naming the field, not a 404 of the whole request. */
export async function unitForField(deps: Pick<Deps, "db" | "config">, code: string, field: string): Promise<AdminUnitRow> {
  try {
    return await getAdminUnit(deps, code);
  } catch {
    throw new AppError("validation", "error.validation", [{ field, code: "unknown_unit", message: "validation.unknownUnit" }]);
  }
}

/** Granting and revoking alike: only a role the caller's grants on the unit may hand out. */
export function requireGrantable(p: Principal, role: Role, unit: AdminUnitRow): void {
  if (!canGrant(p, role, unit)) {
    throw new AppError("forbidden", "error.validation", [{ field: "role", code: "not_grantable", message: "users.roleNotGrantable" }]);
  }
}
