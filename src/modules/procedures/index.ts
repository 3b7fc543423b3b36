/** The procedure catalogue: national procedures with their documents, forms, steps and fees, versioned. */
export * from "./procedures.contract.ts";
export {
  type ProcedureRecord,
  getProcedure,
  getProcedureVersion,
  getProcedureVersionByCode,
  searchProcedures,
  totalFeeOf,
  feeForChannel,
} from "./use-cases/browse-procedures.ts";
export { publishProcedure, authoriseManage, searchTextOf } from "./use-cases/publish-procedure.ts";
export { publishMissingProcedures } from "./use-cases/publish-missing-procedures.ts";
export { setProcedureActive } from "./use-cases/set-procedure-active.ts";
export { importCatalogue } from "./use-cases/import-catalogue.ts";
export { exportCatalogue } from "./use-cases/export-catalogue.ts";
export { parseCatalogue, writeCatalogue, MAX_FILE_BYTES as MAX_CATALOGUE_BYTES } from "./catalogue-file.ts";
