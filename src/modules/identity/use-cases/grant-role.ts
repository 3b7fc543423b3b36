// An admin grants a role on a unit inside their scope, at a level the role may sit on.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { authorise } from "../../../platform/auth/authorise.ts";
import { ROLE_LEVELS } from "../../../platform/auth/roles.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { GrantRoleInput } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { type Ctx, loadScopedUser, requireGrantable, unitForField } from "./user-scope.ts";

export async function grantRole(
  deps: Pick<Deps, "db" | "events" | "config">,
  ctx: Ctx,
  userId: string,
  input: z.infer<typeof GrantRoleInput>,
): Promise<boolean> {
  const user = await loadScopedUser(deps, ctx, userId, "user.manage");
  const unit = await unitForField(deps, input.adminUnitCode, "adminUnitCode");
  authorise(ctx.principal, "user.manage", unit);
  requireGrantable(ctx.principal, input.role, unit);
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
