// Take a household off its assignment. A commune admin frees it from the team; the team's leader gives it back to
// the team (no member). A household the caller cannot see, or that is not assigned, is not found.
import type { Deps } from "../../../deps.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { householdAccess } from "../household-access.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam, managesTeam, teamEvent } from "./team-scope.ts";

export async function unassignHousehold(deps: Pick<Deps, "db" | "events">, ctx: Ctx, householdId: string): Promise<{ freed: boolean }> {
  if (!isUuid(householdId)) throw notFound();
  return deps.db.tx(async (q) => {
    const [h] = await repo.findHouseholds(q, householdAccess(ctx.principal), [householdId]);
    if (!h?.teamId) throw notFound();
    const team = await loadTeam(q, ctx, h.teamId, "assign", { forUpdate: true });
    const freed = managesTeam(ctx.principal, team);
    if (freed) await repo.deleteAssignment(q, householdId);
    else if (h.memberUserId) await repo.upsertAssignments(q, [householdId], team.id, null, ctx.actor.userId);
    await deps.events.publish(
      q,
      teamEvent(ctx, team, "assignment.changed", { householdIds: [householdId], unassigned: freed ? "team" : "member", previousMember: h.memberUserId }),
    );
    return { freed };
  });
}
