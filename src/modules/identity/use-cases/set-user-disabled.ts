// An admin disables or enables an account in their scope; never their own.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../identity.repository.ts";
import { type Ctx, loadScopedUser } from "./user-scope.ts";

export async function setUserDisabled(deps: Pick<Deps, "db" | "events">, ctx: Ctx, userId: string, disabled: boolean): Promise<void> {
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
