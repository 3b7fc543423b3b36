// A year of the calendar as people read it: every day that differs from the plain week, and the counts.
import type { Deps } from "../../../deps.ts";
import { ANNOUNCED_DAYS } from "../../../platform/calendar/announced-days.ts";
import { dayFromNumber, dayNumber, holidaysOfYear, isWeekend } from "../../../platform/calendar/holidays.ts";
import { buildWorkCalendar } from "../../../platform/calendar/working-time.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { DayKind, DaySource } from "../calendar.contract.ts";
import * as repo from "../calendar.repository.ts";
import { requireOfficeReader } from "./calendar-access.ts";
import { mergeOverrides } from "./load-work-calendar.ts";

export type CalendarEntry = { day: string; kind: DayKind; name: string; source: DaySource };
export type CalendarYearView = { year: number; workingDays: number; weekendDays: number; days: CalendarEntry[] };

/** Public: the calendar is national reference data. */
export async function listCalendarYear(deps: Pick<Deps, "db">, year: number): Promise<CalendarYearView> {
  const inYear = (day: string) => day.startsWith(`${year}-`);
  const announced = ANNOUNCED_DAYS.filter((o) => inYear(o.day));
  const stored = await repo.listYear(deps.db, year);
  const entries = new Map<string, CalendarEntry>();
  for (const h of holidaysOfYear(year)) entries.set(h.date, { day: h.date, kind: "off", name: h.name, source: "computed" });
  for (const o of announced) entries.set(o.day, { ...o, source: "announced" });
  for (const o of stored) entries.set(o.day, { day: o.day, kind: o.kind, name: o.name, source: "override" });

  const calendar = buildWorkCalendar(mergeOverrides(announced, stored));
  let workingDays = 0;
  let weekendDays = 0;
  const first = dayNumber(`${year}-01-01`)!;
  const last = dayNumber(`${year}-12-31`)!;
  for (let n = first; n <= last; n++) {
    const day = dayFromNumber(n);
    if (isWeekend(day)) weekendDays++;
    if (calendar.isWorkingDay(day)) workingDays++;
  }
  return { year, workingDays, weekendDays, days: [...entries.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}

/** The office page: officers of any unit. */
export async function viewOfficeCalendar(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }, year: number): Promise<CalendarYearView> {
  requireOfficeReader(ctx.principal);
  return listCalendarYear(deps, year);
}
