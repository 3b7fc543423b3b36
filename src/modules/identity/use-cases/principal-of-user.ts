// The principal of a user as a session would give it: for jobs, demo data and tests acting as someone.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import * as repo from "../identity.repository.ts";

export async function principalOfUser(deps: Pick<Deps, "db">, userId: string): Promise<Principal | null> {
  const u = await repo.findUserById(deps.db, userId);
  if (!u || u.disabledAt) return null;
  return { userId: u.id, username: u.username, displayName: u.displayName, kind: u.kind, locale: u.locale, grants: u.grants };
}
