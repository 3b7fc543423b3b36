// Housekeeping: expired sessions and old sign-in failures are deleted (data minimisation).
import type { Deps } from "../../../deps.ts";
import * as repo from "../identity.repository.ts";

export async function purgeExpired(deps: Pick<Deps, "db" | "clock" | "config">): Promise<{ sessions: number }> {
  const now = deps.clock.now();
  const sessions = await repo.deleteExpiredSessions(deps.db, now);
  await repo.deleteOldFailures(deps.db, new Date(now.getTime() - deps.config.signIn.windowMinutes * 60_000 * 4));
  return { sessions };
}
