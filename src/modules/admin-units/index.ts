/** Admin units: the province → (district) → commune → village tree every other module hangs on. */
export * from "./admin-units.contract.ts";
export { getAdminUnit, getAdminUnitWithAncestors, listAdminUnitChildren, listServedProvinces, searchAdminUnits } from "./use-cases/browse-admin-units.ts";
export { createVillage } from "./use-cases/create-village.ts";
export { renameVillage } from "./use-cases/rename-village.ts";
export { importAdminUnits, ImportFileError, OFFICIAL_LIST } from "./use-cases/import-admin-units.ts";
export { type AdminUnitRow, isCommuneCode } from "./admin-units.model.ts";
export { countUnits } from "./use-cases/count-units.ts";
export { communesGranted } from "./use-cases/communes-granted.ts";
export { listUnitCodesWithin } from "./use-cases/list-unit-codes-within.ts";
