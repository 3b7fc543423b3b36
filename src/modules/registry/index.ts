/** The household registry: households, residents, teams and who looks after whom (docs/community.md). */
export { type HouseholdAccess, householdAccess, householdVisibleSql, seesNothing } from "./household-access.ts";
export { checkImport } from "./use-cases/import-check.ts";
export { commitImport, type Decision as ImportDecision } from "./use-cases/import-commit.ts";
export { consolePrincipal } from "./use-cases/import-context.ts";
export { exportRegistry } from "./use-cases/import-export.ts";
export { getImport } from "./use-cases/import-read.ts";
export { formatOf as registryFileFormat, COLUMNS as REGISTRY_FILE_COLUMNS } from "./import/household-file.ts";
