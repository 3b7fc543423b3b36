// Give households to a team, and to one of its members if named: a list of households, or every household of a
// village not yet assigned. A commune admin may move any household of the team's area (reassigning it from another
// team); a team leader only hands the households of their own team among its members.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { householdAccess } from "../household-access.ts";
import type { AssignInput } from "../teams/teams.contract.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam, managesTeam, teamEvent } from "./team-scope.ts";

const invalid = (fields: FieldError[]) => new AppError("validation", "error.validation", fields);
/** At most this many rows named in one answer: enough to find them, not a wall of text. */
const MAX_NAMED = 20;

export async function assignHouseholds(
  deps: Pick<Deps, "db" | "events" | "config">,
  ctx: Ctx,
  input: z.infer<typeof AssignInput>,
): Promise<{ assigned: number }> {
  const village = input.villageCode ? await getAdminUnit(deps, input.villageCode).catch(() => null) : null;
  return deps.db.tx(async (q) => {
    const team = await loadTeam(q, ctx, input.teamId, "assign", { forUpdate: true });
    const manages = managesTeam(ctx.principal, team);
    const member = input.memberUserId ?? null;
    if (member && !(await repo.isCurrentMember(q, team.id, member))) {
      throw invalid([{ field: "memberUserId", code: "not_member", message: "teams.error.notMember" }]);
    }
    const access = householdAccess(ctx.principal);
    let ids: string[];
    if (input.villageCode) {
      if (village?.level !== "village" || !village.path.startsWith(team.unitPath)) {
        throw invalid([{ field: "villageCode", code: "outside_team", message: "teams.error.villageOutside" }]);
      }
      ids = await repo.householdsOfVillage(q, access, village.code, manages ? null : team.id);
    } else {
      const wanted = [...new Set(input.householdIds ?? [])];
      const found = new Map((await repo.findHouseholds(q, access, wanted)).map((h) => [h.id, h]));
      const errors: FieldError[] = [];
      (input.householdIds ?? []).forEach((id, i) => {
        const h = found.get(id);
        const field = `householdIds.${i}`;
        if (!h) errors.push({ field, code: "unknown", message: "teams.error.household" });
        else if (!h.unitPath.startsWith(team.unitPath)) errors.push({ field, code: "outside_team", message: "teams.error.householdOutside" });
        else if (!manages && h.teamId !== team.id) errors.push({ field, code: "not_team", message: "teams.error.notTeamHousehold" });
      });
      if (errors.length) throw invalid(errors.slice(0, MAX_NAMED));
      ids = wanted;
    }
    const assigned = ids.length ? await repo.upsertAssignments(q, ids, team.id, member, ctx.actor.userId) : 0;
    if (assigned > 0) {
      await deps.events.publish(
        q,
        teamEvent(ctx, team, "assignment.changed", {
          memberUserId: member,
          assigned,
          by: input.villageCode ? { villageCode: input.villageCode } : "list",
          householdIds: ids.length <= 200 ? ids : undefined,
        }),
      );
    }
    return { assigned };
  });
}
