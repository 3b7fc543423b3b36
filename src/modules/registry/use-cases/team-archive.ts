// Archive a team: kept for history; its members leave and its households become unassigned, free for another team.
import type { Deps } from "../../../deps.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam, teamEvent } from "./team-scope.ts";

export async function archiveTeam(deps: Pick<Deps, "db" | "events">, ctx: Ctx, teamId: string): Promise<{ released: number }> {
  return deps.db.tx(async (q) => {
    const team = await loadTeam(q, ctx, teamId, "manage", { forUpdate: true });
    const released = await repo.archiveTeam(q, team.id);
    await deps.events.publish(q, teamEvent(ctx, team, "team.archived", { released }));
    return { released };
  });
}
