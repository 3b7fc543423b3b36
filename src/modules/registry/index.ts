/** The household registry: households, residents, teams and who looks after whom (docs/community.md). */
export { type HouseholdAccess, householdAccess, householdVisibleSql, seesNothing } from "./household-access.ts";
/** Enter once: wired by bootstrap.ts; a citizen's verified ID number or phone proposes links to matching residents. */
export { subscribeResidentLinks, proposeResidentLinks, LINK_TRIGGER_EVENTS } from "./use-cases/link-propose.ts";
export { decideMyLink, decideResidentLink, type DecidedLink, type LinkDecision } from "./use-cases/link-decide.ts";
export { myHousehold, type MyHousehold } from "./use-cases/link-my-household.ts";
export { residentLinkStatus, type ResidentLinkStatus } from "./use-cases/link-status.ts";
/** Assisted filing from the registry: the dossiers module prefills the applicant and finds the linked owner. */
export { residentApplicant, accountOfResidentApplicant, ownResidentApplicant, type ResidentApplicant } from "./use-cases/assist-prefill.ts";
export { MY_HOUSEHOLD_PATH, residentAssistPath, residentLinkPath } from "./links/link-paths.ts";
