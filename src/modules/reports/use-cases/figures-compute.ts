// The citizen-report figures of a unit over a period: received by category, place (village, or commune for a
// province) and month; the share answered on time; the average time to answer in working days; the share reopened;
// the reporters' satisfaction. No principal: the office and public pages check access before calling; the
// indicators dashboard (a later issue) reads it as is.
import type { Deps } from "../../../deps.ts";
import { HOURS_PER_DAY, type WorkCalendar, workingHoursBetween } from "../../../platform/calendar/working-time.ts";
import { localInstant, nextLocalDay, toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import * as repo from "../figures/figures.repository.ts";

export type FiguresRow = repo.CountRow & { onTimeShare: number | null };
export type ReportFigures = {
  unit: { code: string; name: string; level: string };
  from: string;
  to: string;
  received: number;
  open: number;
  answered: number;
  rejected: number;
  closed: number;
  onTime: { count: number; of: number; share: number | null };
  averageAnswerWorkingDays: number | null;
  reopened: { count: number; of: number; share: number | null };
  satisfaction: { average: number | null; count: number };
  byCategory: FiguresRow[];
  byPlace: FiguresRow[];
  byMonth: FiguresRow[];
};

/** A percentage with one decimal, or null with nothing to divide by. */
export const shareOf = (n: number, of: number): number | null => (of === 0 ? null : Math.round((n / of) * 1000) / 10);
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * Working hours between many pairs of instants: whole days in between come from one running sum over the period's
 * days, so thousands of answers cost one walk of the calendar, not one each (same result as workingHoursBetween).
 */
export function workingHoursOfPairs(cal: WorkCalendar, pairs: ReadonlyArray<{ from: Date; to: Date }>): number[] {
  if (pairs.length === 0) return [];
  // A loop, not Math.min(...): a province's year of answers may exceed the arguments a call can take.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of pairs) {
    lo = Math.min(lo, p.from.getTime());
    hi = Math.max(hi, p.to.getTime());
  }
  const first = new Date(lo);
  const last = new Date(hi);
  const index = new Map<string, number>();
  const prefix: number[] = [0];
  for (let day = toLocalDay(first); ; day = nextLocalDay(day)) {
    index.set(day, prefix.length - 1);
    prefix.push(prefix[prefix.length - 1]! + workingHoursBetween(cal, localInstant(day), localInstant(nextLocalDay(day))));
    if (day >= toLocalDay(last)) break;
  }
  return pairs.map(({ from, to }) => {
    if (to <= from) return 0;
    const a = toLocalDay(from);
    const b = toLocalDay(to);
    if (a === b) return workingHoursBetween(cal, from, to);
    const between = prefix[index.get(b)!]! - prefix[index.get(a)! + 1]!;
    return workingHoursBetween(cal, from, localInstant(nextLocalDay(a))) + between + workingHoursBetween(cal, localInstant(b), to);
  });
}

/** The default period: the twelve months up to today (Vietnam time). */
export function defaultPeriod(now: Date, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? toLocalDay(now);
  if (from) return { from, to: end };
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return { from: nextLocalDay(d.toISOString().slice(0, 10)), to: end };
}

export async function reportFigures(
  deps: Pick<Deps, "db" | "config" | "clock">,
  input: { unitCode: string; from: string; to: string },
): Promise<ReportFigures> {
  const unit = await getAdminUnit(deps, input.unitCode).catch(() => null);
  if (!unit) throw new AppError("not_found", "error.notFound");
  const now = deps.clock.now();
  const period: repo.Period = { pathPrefix: unit.path, from: localInstant(input.from), to: localInstant(nextLocalDay(input.to)), now };
  const [t, cats, place, months, times, cal] = await Promise.all([
    repo.totals(deps.db, period),
    repo.byCategory(deps.db, period),
    unit.level === "commune" || unit.level === "village" ? repo.byVillage(deps.db, period) : repo.byCommune(deps.db, period),
    repo.byMonth(deps.db, period),
    repo.answerTimes(deps.db, period),
    loadWorkCalendar(deps),
  ]);
  const withShare = (r: repo.CountRow): FiguresRow => ({ ...r, onTimeShare: shareOf(r.onTime, r.dueCount) });
  const days = workingHoursOfPairs(
    cal,
    times.map((x) => ({ from: x.createdAt, to: x.answeredAt })),
  ).map((h) => h / HOURS_PER_DAY);
  return {
    unit: { code: unit.code, name: unit.fullName, level: unit.level },
    from: input.from,
    to: input.to,
    received: t.received,
    open: t.open,
    answered: t.answered,
    rejected: t.rejected,
    closed: t.closed,
    onTime: { count: t.onTime, of: t.dueCount, share: shareOf(t.onTime, t.dueCount) },
    averageAnswerWorkingDays: days.length === 0 ? null : oneDecimal(days.reduce((a, b) => a + b, 0) / days.length),
    reopened: { count: t.reopened, of: t.answered, share: shareOf(t.reopened, t.answered) },
    satisfaction: { average: t.satisfactionAvg === null ? null : oneDecimal(t.satisfactionAvg), count: t.satisfactionCount },
    byCategory: cats.map(withShare),
    byPlace: place.map(withShare),
    byMonth: months.map(withShare),
  };
}
