// A member leaves the team: their households go back to the team (no member) for the leader to hand on; a leader who
// leaves is no longer its leader. From then on the visibility rule shows them none of the team's households.
import type { Deps } from "../../../deps.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam, teamEvent } from "./team-scope.ts";

export async function removeTeamMember(deps: Pick<Deps, "db" | "events">, ctx: Ctx, teamId: string, userId: string): Promise<{ returned: number }> {
  return deps.db.tx(async (q) => {
    const team = await loadTeam(q, ctx, teamId, "manage", { forUpdate: true });
    const returned = await repo.removeMember(q, team.id, userId);
    if (returned === null) throw notFound();
    if (team.leaderUserId === userId) {
      await repo.updateTeam(q, team.id, { leaderUserId: null });
      await deps.events.publish(q, teamEvent(ctx, team, "team.leaderNamed", { userId: null, previous: userId }));
    }
    await deps.events.publish(q, teamEvent(ctx, team, "team.memberRemoved", { userId, householdsReturned: returned }));
    return { returned };
  });
}
