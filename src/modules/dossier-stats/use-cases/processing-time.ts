// The average processing time in working days, without clock stops: per dossier, the office hours from receipt to
// decision less the office hours of each stop (supplement request, pause) inside that span; in working days of
// HOURS_PER_DAY. Working time needs the calendar (lunar holidays, announced days), so this runs in TypeScript.
import { HOURS_PER_DAY, type WorkCalendar, workingHoursBetween } from "../../../platform/calendar/working-time.ts";
import type { DecidedSpan } from "../dossier-stats.repository.ts";

export type Span = Pick<DecidedSpan, "receivedAt" | "finishedAt" | "stops">;

/** Office hours a decided dossier's clock ran: from receipt to decision, stops left out (never below zero). */
export function processingHours(cal: WorkCalendar, span: Span): number {
  const from = span.receivedAt.getTime();
  const to = span.finishedAt.getTime();
  if (to <= from) return 0;
  let hours = workingHoursBetween(cal, span.receivedAt, span.finishedAt);
  let covered = from; // stops never overlap; this also guards against a malformed list counting a period twice
  for (const [start, end] of [...span.stops].sort((a, b) => Date.parse(a[0]) - Date.parse(b[0]))) {
    const a = Math.max(Date.parse(start), covered, from);
    const b = Math.min(end === null ? to : Date.parse(end), to);
    if (b <= a) continue;
    hours -= workingHoursBetween(cal, new Date(a), new Date(b));
    covered = b;
  }
  return Math.max(0, hours);
}

/** Average working days per group key (and over all, key null), to one decimal; groups without a decision are absent. */
export function averageWorkingDays(cal: WorkCalendar, spans: readonly DecidedSpan[], keyOf: (s: DecidedSpan) => string): Map<string | null, number> {
  const sums = new Map<string | null, { days: number; n: number }>();
  const add = (k: string | null, days: number) => {
    const acc = sums.get(k) ?? { days: 0, n: 0 };
    acc.days += days;
    acc.n += 1;
    sums.set(k, acc);
  };
  for (const s of spans) {
    const days = processingHours(cal, s) / HOURS_PER_DAY;
    add(keyOf(s), days);
    add(null, days);
  }
  return new Map([...sums].map(([k, v]) => [k, Math.round((v.days / v.n) * 10) / 10]));
}
