/** Dossiers: filing (online, assisted, at the counter), the one-stop desk's queues, processing, status look-up. */
export * from "./dossiers.contract.ts";
export {
  ACTION_TYPES,
  availableActions,
  CLOCK_RUNNING,
  FINAL_STATES,
  NATIONAL_STATUS,
  nationalStatusOf,
  SUPPLEMENT_WINDOW_WORKING_DAYS,
  OPEN_STATES,
  STATES,
  type ActionType,
  type DossierState,
} from "./dossier-workflow.ts";
export type {
  Applicant,
  Consent,
  Delivery,
  DossierDocument,
  DossierEvent,
  DossierRow,
  QueueItem,
  QueueName,
  SupplementRequest,
  DossierView,
} from "./dossiers.model.ts";
export { QUEUES } from "./dossiers.model.ts";
/** For the composition root: links earlier dossiers when a citizen's phone or ID number becomes verified. */
export { subscribeDossierLinks } from "./use-cases/link-verified-applicant.ts";
export { fileDossier, DraftKeptError, type FileDossierInput } from "./use-cases/file-dossier.ts";
export type { DocumentInput } from "./use-cases/attach-documents.ts";
export { actOnDossier, type ActRequest } from "./use-cases/act-on-dossier.ts";
export { deskQueues, DUE_SOON_WORKING_DAYS } from "./use-cases/list-desk-queues.ts";
export { getDossier } from "./use-cases/get-dossier.ts";
export { getDossierByCode } from "./use-cases/get-dossier-by-code.ts";
export { getDossierFile } from "./use-cases/get-dossier-file.ts";
export { myDossiers } from "./use-cases/list-my-dossiers.ts";
export { dossierRegister } from "./use-cases/list-dossier-register.ts";
export { lookupStatus, maskName, LOOKUP_MAX_FAILURES, LOOKUP_MAX_PER_ADDRESS, LOOKUP_MAX_PER_CODE, LOOKUP_WINDOW_MINUTES } from "./use-cases/lookup-status.ts";
export { dossierCode } from "./use-cases/dossier-code.ts";
export { type DeskSettings, placeholderAgencyCode } from "./desk-settings.model.ts";
export * from "./desk-settings.contract.ts";
export { BANKS, bankByBin, bankLabel, type Bank } from "./banks.ts";
export { forgetDeskSettings, loadDeskSettings, readDeskSettings } from "./use-cases/load-desk-settings.ts";
export { getDeskSettings } from "./use-cases/get-desk-settings.ts";
export { saveDeskSettings, writeDeskSettings } from "./use-cases/save-desk-settings.ts";
export { statusPath, shortStatusPath } from "./use-cases/notify-applicant.ts";
export { checkFormData, nestFormFields, missingDocuments } from "./form-data.ts";
export { recordFeeStatus } from "./use-cases/record-fee-status.ts";
export { printFeeReceipt } from "./use-cases/print-forms.ts";
export type { FeeReceiptData } from "./forms/forms.types.ts";
export { findDossierForFee, findDossierForFeeByCode, findDossierForFee as findDossierRow } from "./use-cases/find-dossier-for-fee.ts";
export { assertCanView, unitOf, isApplicantSide } from "./dossier-access.ts";
export { recordDossierRead } from "./use-cases/dossier-reads.ts";
