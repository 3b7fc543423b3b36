// Dossier codes `<agency electronic ID>-<YYMMDD>-<NNNN>` (Circular 03/2025; agency IDs per Decision 20/2020).
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
// The agency ID comes from the desk settings (desk-settings.repository.ts, use-cases/*-desk-settings.ts).

// Kept for filing and printing, which read the settings through this file.
export type { DeskSettings } from "../desk-settings.model.ts";
export { loadDeskSettings } from "./load-desk-settings.ts";

/**
 * The day's sequence has four digits (Circular 01/2018 Art. 19: "XXXX … gồm 04 ký tự số"; every real code
 * seen has four): 9999 is the agency's last number of the day, and filing refuses after it rather than grow
 * a fifth digit that other systems would not parse (docs/public-services.md).
 */
export const MAX_DAILY_NUMBER = 9999;

/** The day in Vietnam, as YYMMDD. */
export function dossierCode(agencyCode: string, at: Date, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_DAILY_NUMBER) throw new RangeError(`dossier number ${n} outside 1…${MAX_DAILY_NUMBER}`);
  const day = toLocalDay(at);
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(4, "0")}`;
}
