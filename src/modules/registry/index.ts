/** The household registry: households, residents, teams and who looks after whom (docs/community.md). */
export { type HouseholdAccess, householdAccess, householdVisibleSql, seesNothing } from "./household-access.ts";
export type { FieldWriteResult, FieldWriter, HouseholdChanges, ResidentChanges } from "./use-cases/field-common.ts";
export { applyFieldHouseholdUpdate } from "./use-cases/field-household-update.ts";
export { applyFieldResidentUpdate } from "./use-cases/field-resident-update.ts";
export { createFieldHousehold, type FieldHousehold, type FieldMember } from "./use-cases/field-household-create.ts";
export { createFieldResident } from "./use-cases/field-resident-create.ts";
export { type FieldHouseholdRecord, type FieldResidentRecord, listFieldHouseholds } from "./use-cases/field-households.ts";
