/** The household registry: households, residents, teams and who looks after whom (docs/community.md). */
export { type HouseholdAccess, householdAccess, householdVisibleSql, seesNothing } from "./household-access.ts";
export { type AssignedHousehold, listMyHouseholds, listTeamHouseholds } from "./use-cases/team-households.ts";
export { assignHouseholds } from "./use-cases/team-assign.ts";
export { listTeams, type TeamListItem } from "./use-cases/team-list.ts";
export { getTeam, type TeamDetail } from "./use-cases/team-get.ts";
