// Housekeeping: expired sessions are deleted (data minimisation); old sign-in failures go with every throttle hit.
import type { Deps } from "../../../deps.ts";
import * as repo from "../identity.repository.ts";

export async function purgeExpired(deps: Pick<Deps, "db" | "clock">): Promise<{ sessions: number }> {
  const now = deps.clock.now();
  const sessions = await repo.deleteExpiredSessions(deps.db, now);
  return { sessions };
}
