// How long an online dossier may wait at the desk before it is received or refused. Recalled from Decree 118/2025
// (one-stop mechanism; to verify): the desk checks an online dossier within the working day it arrives, and on
// the next working day when it arrives after 15:00 or on a day off. That is the same-working-day rule of
// computeDueAt with a 15:00 cut-off, counted from submission; a national constant, not a per-commune setting.
import { computeDueAt, type Duration, type WorkCalendar } from "../../platform/calendar/working-time.ts";
import type { DossierRow } from "./dossiers.model.ts";

export const ONLINE_RECEIPT_LIMIT: { duration: Duration; cutOff: string } = { duration: { unit: "sameDay", amount: 1 }, cutOff: "15:00" };

/** When the desk must have received or refused this dossier; null unless it is an online dossier waiting at the desk. */
export function receiveByOf(cal: WorkCalendar, d: Pick<DossierRow, "state" | "channel" | "submittedAt">): Date | null {
  if (d.state !== "submitted" || d.channel !== "online" || !d.submittedAt) return null;
  return computeDueAt(cal, { receivedAt: new Date(d.submittedAt), ...ONLINE_RECEIPT_LIMIT });
}
