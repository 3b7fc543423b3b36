/** The household registry: households, residents, teams and who looks after whom (docs/community.md). */
export { type HouseholdAccess, householdAccess, householdVisibleSql, seesNothing } from "./household-access.ts";
