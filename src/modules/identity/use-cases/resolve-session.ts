// The principal behind a session cookie's token, or null when the token is malformed, unknown or expired.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import * as repo from "../identity.repository.ts";
import { hashSecret } from "../tokens.ts";

// Refreshing last_seen_at on every request would turn each page view into a write.
const TOUCH_AFTER_MS = 5 * 60_000;

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
