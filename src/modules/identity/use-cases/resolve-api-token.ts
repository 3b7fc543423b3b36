// The principal of a request that came with a bearer token: the token's one grant, while its owner still
// holds a covering one (checked in the same query).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import * as repo from "../identity.repository.ts";
import { hashSecret } from "../tokens.ts";

const TOKEN_TOUCH_AFTER_MS = 60_000;

export async function resolveApiToken(deps: Pick<Deps, "db" | "clock">, token: string): Promise<Principal | null> {
  if (!/^xaso_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.clock.now();
  const found = await repo.findPrincipalByToken(deps.db, hashSecret(token), now);
  if (!found) return null;
  const { lastUsedAt, ...principal } = found;
  // "Last used" is for people reviewing tokens: a minute's precision spares a write (and a flush) per request.
  if (!lastUsedAt || now.getTime() - new Date(lastUsedAt).getTime() > TOKEN_TOUCH_AFTER_MS) await repo.touchApiToken(deps.db, principal.tokenId!, now);
  return principal;
}
