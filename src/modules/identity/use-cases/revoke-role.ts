// An admin takes back a role they could have granted; nobody revokes their own system admin role.
import type { Deps } from "../../../deps.ts";
import { authorise } from "../../../platform/auth/authorise.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../identity.repository.ts";
import { type Ctx, loadScopedUser, requireGrantable, unitForField } from "./user-scope.ts";

export async function revokeRole(
  deps: Pick<Deps, "db" | "events" | "config">,
  ctx: Ctx,
  userId: string,
  input: { role: Role; adminUnitCode: string },
): Promise<boolean> {
  const user = await loadScopedUser(deps, ctx, userId, "user.manage");
  const unit = await unitForField(deps, input.adminUnitCode, "adminUnitCode");
  authorise(ctx.principal, "user.manage", unit);
  requireGrantable(ctx.principal, input.role, unit);
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
