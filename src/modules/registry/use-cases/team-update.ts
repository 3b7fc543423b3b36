// Rename a team or name its leader (who joins the team if not yet a member); null leaves it without a leader.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import type { UpdateTeamInput } from "../teams/teams.contract.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam, requireEligible, teamEvent } from "./team-scope.ts";

export async function updateTeam(deps: Pick<Deps, "db" | "events">, ctx: Ctx, teamId: string, input: z.infer<typeof UpdateTeamInput>): Promise<void> {
  const team = await loadTeam(deps.db, ctx, teamId, "manage");
  if (input.leaderUserId) await requireEligible(deps, team, input.leaderUserId, ["team_leader"], "leaderUserId");
  await deps.db.tx(async (q) => {
    const current = await loadTeam(q, ctx, teamId, "manage", { forUpdate: true });
    const rename = input.name !== undefined && input.name !== current.name;
    const lead = input.leaderUserId !== undefined && input.leaderUserId !== current.leaderUserId;
    if (!rename && !lead) return;
    await repo.updateTeam(q, team.id, { ...(rename ? { name: input.name } : {}), ...(lead ? { leaderUserId: input.leaderUserId ?? null } : {}) });
    if (rename) await deps.events.publish(q, teamEvent(ctx, team, "team.renamed", { from: current.name, to: input.name }));
    if (lead) {
      if (input.leaderUserId && (await repo.addMember(q, team.id, input.leaderUserId))) {
        await deps.events.publish(q, teamEvent(ctx, team, "team.memberAdded", { userId: input.leaderUserId }));
      }
      await deps.events.publish(q, teamEvent(ctx, team, "team.leaderNamed", { userId: input.leaderUserId ?? null, previous: current.leaderUserId }));
    }
  });
}
