// The legal grounds on which a leader may stop a dossier's clock (a pause), as recalled from Decree 118/2025
// (stopping the processing of a dossier) and the sector laws it defers to; "other" needs the reason in words.
// Every pause records one on its event, so the stop is reported by its ground (docs/public-services.md, Deadlines).
import type { MessageKey, Translate } from "../../platform/i18n/i18n.ts";

export const PAUSE_GROUNDS = [
  "agencyVerification", // awaiting another agency's verification, assessment or opinion
  "financialObligation", // awaiting the applicant's financial obligation (taxes, land levies)
  "authorityRequest", // a court, prosecutor or competent authority asks to stop
  "forceMajeure", // natural disaster, epidemic, other force majeure
  "applicantRequest", // the applicant asks to stop, where the procedure's law allows it
  "other",
] as const;
export type PauseGround = (typeof PAUSE_GROUNDS)[number];

export const isPauseGround = (s: unknown): s is PauseGround => typeof s === "string" && (PAUSE_GROUNDS as readonly string[]).includes(s);
export const pauseGroundLabel = (t: Translate, g: PauseGround) => t(`dossiers.pauseGround.${g}` as MessageKey);

/** The ground a pause event recorded, or null (events before grounds existed, or other actions). */
export function pauseGroundOf(e: { action: string; details: Record<string, unknown> }): PauseGround | null {
  return e.action === "pause" && isPauseGround(e.details.ground) ? e.details.ground : null;
}
