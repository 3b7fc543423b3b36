// A commune admin creates a team for a village of their commune, or for the whole commune, optionally with its leader.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { authorise } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { CreateTeamInput } from "../teams/teams.contract.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, requireEligible, teamEvent } from "./team-scope.ts";

export async function createTeam(deps: Pick<Deps, "db" | "events" | "config">, ctx: Ctx, input: z.infer<typeof CreateTeamInput>): Promise<string> {
  const unit = await getAdminUnit(deps, input.unitCode).catch(() => null);
  if (!unit || (unit.level !== "commune" && unit.level !== "village")) {
    throw new AppError("validation", "error.validation", [{ field: "unitCode", code: "unknown_unit", message: "teams.error.unit" }]);
  }
  authorise(ctx.principal, "team.manage", unit);
  const communeCode = unit.level === "village" ? (unit.parentCode as string) : unit.code;
  const team = {
    id: randomUUID(),
    name: input.name,
    communeCode,
    villageCode: unit.level === "village" ? unit.code : null,
    unitPath: unit.path,
    unitName: unit.name,
    leaderUserId: input.leaderUserId ?? null,
    archivedAt: null,
  };
  if (team.leaderUserId) await requireEligible(deps, team, team.leaderUserId, ["team_leader"], "leaderUserId");
  return deps.db.tx(async (q) => {
    await repo.insertTeam(q, { ...team, createdBy: ctx.actor.userId });
    await deps.events.publish(q, teamEvent(ctx, team, "team.created", { name: team.name }));
    if (team.leaderUserId) {
      await repo.addMember(q, team.id, team.leaderUserId);
      await deps.events.publish(q, teamEvent(ctx, team, "team.leaderNamed", { userId: team.leaderUserId }));
    }
    return team.id;
  });
}
