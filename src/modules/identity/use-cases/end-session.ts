// Signing out: the session row goes, and the audit log records who left.
import type { Deps } from "../../../deps.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import * as repo from "../identity.repository.ts";
import { hashSecret } from "../tokens.ts";

export async function endSession(deps: Pick<Deps, "db" | "events">, ctx: Context, token: string): Promise<void> {
  await deps.db.tx(async (q) => {
    await repo.deleteSession(q, hashSecret(token));
    if (ctx.actor.userId)
      await deps.events.publish(q, {
        type: "session.ended",
        actor: ctx.actor,
        target: { type: "user", id: ctx.actor.userId },
        adminUnitCode: null,
        requestId: ctx.requestId,
      });
  });
}
