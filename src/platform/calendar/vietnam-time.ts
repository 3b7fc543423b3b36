// Vietnam keeps UTC+7 all year (no daylight saving): the one place that turns instants into Vietnamese
// calendar days and back. Deadlines, dossier codes, registers, figures and forms all count days this way.
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The day in Vietnam at this instant, as "YYYY-MM-DD". */
export function toLocalDay(d: Date): string {
  return new Date(d.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year in Vietnam at this instant (1 January begins seven hours before UTC's). */
export function localYear(d: Date): number {
  return new Date(d.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/** The instant a Vietnamese day ("YYYY-MM-DD") begins, optionally at a time of day ("HH:MM"). */
export function localInstant(day: string, hhmm = "00:00"): Date {
  return new Date(`${day}T${hhmm}:00+07:00`);
}

/** A date-only value (a birth date, a holiday) as noon in Vietnam: formatting it never slips to a neighbouring day. */
export function localNoon(day: string): Date {
  return localInstant(day, "12:00");
}

/** The day after ("YYYY-MM-DD"), by the calendar, not by adding hours to an instant. */
export function nextLocalDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
