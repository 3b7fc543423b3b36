// Assigned households as lists: a team's (for its leader and the commune's officers) and a volunteer's own.
// Both pass the visibility rule and both are recorded as reads of personal data (they name household heads).
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { displayNames } from "../../identity/index.ts";
import { householdAccess } from "../household-access.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, loadTeam } from "./team-scope.ts";

export type AssignedHousehold = repo.AssignedRow & { memberName: string | null };

async function withNames(deps: Pick<Deps, "db">, rows: repo.AssignedRow[]): Promise<AssignedHousehold[]> {
  const names = await displayNames(
    deps.db,
    rows.map((r) => r.memberUserId),
  );
  return rows.map((r) => ({ ...r, memberName: r.memberUserId ? (names.get(r.memberUserId) ?? null) : null }));
}

export async function listTeamHouseholds(
  deps: Pick<Deps, "db" | "events">,
  ctx: Ctx,
  teamId: string,
  filter: { memberUserId?: string; villageCode?: string } = {},
): Promise<AssignedHousehold[]> {
  const team = await loadTeam(deps.db, ctx, teamId, "read");
  const rows = await repo.listAssigned(deps.db, householdAccess(ctx.principal), { teamId: team.id, ...filter });
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "teamHouseholds", id: team.id },
    adminUnitCode: team.villageCode ?? team.communeCode,
    details: { count: rows.length, ...filter },
  });
  return withNames(deps, rows);
}

/** The households assigned to the caller as a member of a team they still belong to. */
export async function listMyHouseholds(deps: Pick<Deps, "db" | "events">, ctx: Ctx): Promise<AssignedHousehold[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const rows = await repo.listAssigned(deps.db, householdAccess(p), { memberUserId: p.userId });
  await recordPersonalDataRead(deps, ctx, { target: { type: "assignedHouseholds", id: p.userId }, adminUnitCode: null, details: { count: rows.length } });
  return withNames(deps, rows);
}
