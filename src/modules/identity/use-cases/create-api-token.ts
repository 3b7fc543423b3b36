// API tokens for machine clients: each carries one role on one unit, never more than its owner holds.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { holdsRole } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { CreateApiTokenInput } from "../identity.contract.ts";
import * as repo from "../identity.repository.ts";
import { hashSecret, newSecret } from "../tokens.ts";
import { requireTokenOwner } from "./api-token-owner.ts";
import { type Ctx, unitForField } from "./user-scope.ts";

export async function createApiToken(
  deps: Pick<Deps, "db" | "events" | "config" | "clock">,
  ctx: Ctx,
  input: z.infer<typeof CreateApiTokenInput>,
): Promise<{ id: string; token: string }> {
  const me = requireTokenOwner(ctx);
  const unit = await unitForField(deps, input.adminUnitCode, "adminUnitCode");
  if (!holdsRole(me, input.role, unit))
    throw new AppError("forbidden", "error.validation", [{ field: "role", code: "not_held", message: "tokens.roleNotHeld" }]);
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
