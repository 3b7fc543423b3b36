// Sessions live in the database so any app process can serve any user; the cookie holds only a random token.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import * as repo from "../identity.repository.ts";
import { hashSecret, newSecret } from "../tokens.ts";

// Refreshing last_seen_at on every request would turn each page view into a write.
const TOUCH_AFTER_MS = 5 * 60_000;

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

export async function resolveSession(deps: Pick<Deps, "db" | "clock">, token: string): Promise<Principal | null> {
  if (!/^s_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.clock.now();
  const hash = hashSecret(token);
  const found = await repo.findPrincipalBySession(deps.db, hash, now);
  if (!found) return null;
  const { lastSeenAt, ...principal } = found;
  if (now.getTime() - new Date(lastSeenAt).getTime() > TOUCH_AFTER_MS) await repo.touchSession(deps.db, hash, now);
  return principal;
}

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
