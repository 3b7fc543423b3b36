// Add a member: a user holding the volunteer or team_leader role on the team's village or commune.
import type { Deps } from "../../../deps.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam, requireEligible, teamEvent } from "./team-scope.ts";

/** True when the user joined (false: already a member). */
export async function addTeamMember(deps: Pick<Deps, "db" | "events">, ctx: Ctx, teamId: string, userId: string): Promise<boolean> {
  const team = await loadTeam(deps.db, ctx, teamId, "manage");
  await requireEligible(deps, team, userId, ["volunteer", "team_leader"], "userId");
  return deps.db.tx(async (q) => {
    await loadTeam(q, ctx, teamId, "manage", { forUpdate: true });
    const added = await repo.addMember(q, team.id, userId);
    if (added) await deps.events.publish(q, teamEvent(ctx, team, "team.memberAdded", { userId }));
    return added;
  });
}
