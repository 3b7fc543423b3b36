/** The household registry: households, residents, teams and who looks after whom (docs/community.md). */
export { type HouseholdAccess, householdAccess, householdVisibleSql, seesNothing } from "./household-access.ts";
export * from "./registry.contract.ts";
export type { HouseholdRow, HouseholdView, MoveRow, ResidentRow, ResidentView, SearchRow } from "./registry.model.ts";
export { createHousehold, type CreateHouseholdInput, type MemberInput } from "./use-cases/create-household.ts";
export { updateHousehold } from "./use-cases/update-household.ts";
export { addResident } from "./use-cases/add-resident.ts";
export { updateResident, type UpdateResidentInput } from "./use-cases/update-resident.ts";
export { changeHead } from "./use-cases/change-head.ts";
export { moveResident } from "./use-cases/move-resident.ts";
export { archiveResident } from "./use-cases/archive-resident.ts";
export { getHousehold } from "./use-cases/get-household.ts";
export { getResident } from "./use-cases/get-resident.ts";
export { searchResidents, parseQuery } from "./use-cases/search-residents.ts";
export { type RegistryCtx, type RegistryDeps, visibleHousehold, visibleResident } from "./use-cases/registry-access.ts";
export { type AssignedHousehold, listMyHouseholds, listTeamHouseholds } from "./use-cases/team-households.ts";
export { assignHouseholds } from "./use-cases/team-assign.ts";
export { listTeams, type TeamListItem } from "./use-cases/team-list.ts";
export { getTeam, type TeamDetail } from "./use-cases/team-get.ts";
/** Enter once: wired by bootstrap.ts; a citizen's verified ID number or phone proposes links to matching residents. */
export { subscribeResidentLinks, proposeResidentLinks, LINK_TRIGGER_EVENTS } from "./use-cases/link-propose.ts";
export { decideMyLink, decideResidentLink, type DecidedLink, type LinkDecision } from "./use-cases/link-decide.ts";
export { myHousehold, type MyHousehold } from "./use-cases/link-my-household.ts";
export { residentLinkStatus, type ResidentLinkStatus } from "./use-cases/link-status.ts";
/** Assisted filing from the registry: the dossiers module prefills the applicant and finds the linked owner. */
export { residentApplicant, accountOfResidentApplicant, ownResidentApplicant, type ResidentApplicant } from "./use-cases/assist-prefill.ts";
export { MY_HOUSEHOLD_PATH, residentAssistPath, residentLinkPath } from "./links/link-paths.ts";
export type { FieldWriteResult, FieldWriter, HouseholdChanges, ResidentChanges } from "./use-cases/field-common.ts";
export { applyFieldHouseholdUpdate } from "./use-cases/field-household-update.ts";
export { applyFieldResidentUpdate } from "./use-cases/field-resident-update.ts";
export { createFieldHousehold, type FieldHousehold, type FieldMember } from "./use-cases/field-household-create.ts";
export { createFieldResident } from "./use-cases/field-resident-create.ts";
export { type FieldHouseholdRecord, type FieldResidentRecord, listFieldHouseholds } from "./use-cases/field-households.ts";
export { checkImport } from "./use-cases/import-check.ts";
export { commitImport, type Decision as ImportDecision } from "./use-cases/import-commit.ts";
export { consolePrincipal } from "./use-cases/import-context.ts";
export { exportRegistry } from "./use-cases/import-export.ts";
export { getImport } from "./use-cases/import-read.ts";
export { formatOf as registryFileFormat, COLUMNS as REGISTRY_FILE_COLUMNS } from "./import/household-file.ts";
