// Sessions live in the database so any app process can serve any user; the cookie holds only a random token.
import type { Deps } from "../../../deps.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import * as repo from "../identity.repository.ts";
import { hashSecret, newSecret } from "../tokens.ts";

export async function startSession(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context,
  userId: string,
  client: { ip: string | null; userAgent: string | null; method: string },
): Promise<string> {
  const token = newSecret("s");
  const now = deps.clock.now();
  await deps.db.tx(async (q) => {
    await repo.insertSession(q, {
      tokenHash: hashSecret(token),
      userId,
      expiresAt: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await deps.events.publish(q, {
      type: "session.started",
      actor: { ...ctx.actor, userId },
      target: { type: "user", id: userId },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { method: client.method, ip: client.ip },
    });
  });
  return token;
}
