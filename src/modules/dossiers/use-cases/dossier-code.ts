// Dossier codes `<agency electronic ID>-<YYMMDD>-<NNNN>` (Circular 03/2025; agency IDs per Decision 20/2020).
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
// The agency ID comes from the desk settings (desk-settings.repository.ts, use-cases/*-desk-settings.ts).

// Kept for filing and printing, which read the settings through this file.
export type { DeskSettings } from "../desk-settings.model.ts";
export { loadDeskSettings } from "./load-desk-settings.ts";

/** The day in Vietnam, as YYMMDD. */
export function dossierCode(agencyCode: string, at: Date, n: number): string {
  const day = toLocalDay(at);
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(4, "0")}`;
}
