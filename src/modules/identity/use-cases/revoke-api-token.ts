// A person revokes one of their own tokens; someone else's is not found.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../identity.repository.ts";
import { requireTokenOwner } from "./api-token-owner.ts";
import type { Ctx } from "./user-scope.ts";

export async function revokeApiToken(deps: Pick<Deps, "db" | "events">, ctx: Ctx, tokenId: string): Promise<void> {
  const me = requireTokenOwner(ctx);
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
