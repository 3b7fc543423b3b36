// Deadlines in working time: only office sessions on working days count. Pure, no database.
// Vietnam is UTC+7 all year (no daylight saving): local days and hours come from vietnam-time.ts.
import { dayFromNumber, dayNumber, holidaysOfYear, isWeekend } from "./holidays.ts";
import { toLocalDay, VIETNAM_OFFSET_MS } from "./vietnam-time.ts";

export { toLocalDay };

export type CalendarOverride = { day: string /* YYYY-MM-DD */; kind: "off" | "working"; name: string };
export type OfficeHours = { sessions: Array<{ start: string /* "07:30" */; end: string /* "11:30" */ }> };
export type WorkCalendar = {
  isWorkingDay(day: string): boolean;
  /** The holiday's catalogue key or the override's name; null on working days and plain weekends. */
  dayOffName(day: string): string | null;
  hours: OfficeHours;
};
export type Duration = { unit: "days" | "hours"; amount: number };

/** A working day is 8 hours (Decree 45/2013 for the public sector: 40 hours a week). */
export const HOURS_PER_DAY = 8;
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  sessions: [
    { start: "07:30", end: "11:30" },
    { start: "13:30", end: "17:30" },
  ],
};

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = VIETNAM_OFFSET_MS;
/** Far more than any deadline needs; stops a loop if a calendar somehow had no working day. */
const MAX_DAYS = 20 * 366;

function clockMs(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time of day: ${hhmm}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

type Session = { start: number; end: number };

function parseSessions(hours: OfficeHours): Session[] {
  const sessions = hours.sessions.map((s) => ({ start: clockMs(s.start), end: clockMs(s.end) }));
  if (sessions.length === 0) throw new RangeError("office hours need at least one session");
  sessions.forEach((s, i) => {
    const prev = sessions[i - 1];
    if (s.end <= s.start || (prev && s.start < prev.end)) throw new RangeError("office sessions must be ordered, non-empty and not overlap");
  });
  return sessions;
}

export function buildWorkCalendar(overrides: CalendarOverride[], hours: OfficeHours = DEFAULT_OFFICE_HOURS): WorkCalendar {
  parseSessions(hours);
  const byDay = new Map(overrides.map((o) => [o.day, o]));
  const holidayYears = new Map<number, Map<string, string>>();
  const holidayName = (day: string): string | null => {
    const year = Number(day.slice(0, 4));
    let map = holidayYears.get(year);
    if (!map) {
      map = new Map(holidaysOfYear(year).map((h) => [h.date, h.name]));
      holidayYears.set(year, map);
    }
    return map.get(day) ?? null;
  };
  // An override wins over the computed holidays, which win over the weekend.
  return {
    hours,
    isWorkingDay(day) {
      const o = byDay.get(day);
      if (o) return o.kind === "working";
      return holidayName(day) === null && !isWeekend(day);
    },
    dayOffName(day) {
      const o = byDay.get(day);
      if (o) return o.kind === "off" ? o.name : null;
      return holidayName(day);
    },
  };
}

/** Walks office sessions forward from an instant; shared by the functions below. */
function sessionWalker(cal: WorkCalendar) {
  const sessions = parseSessions(cal.hours);
  const working = new Map<number, boolean>();
  const isWorking = (n: number) => {
    let w = working.get(n);
    if (w === undefined) {
      w = cal.isWorkingDay(dayFromNumber(n));
      working.set(n, w);
    }
    return w;
  };
  return { sessions, isWorking };
}

const localDayNumber = (t: number) => Math.floor((t + OFFSET_MS) / DAY_MS);
const midnightOf = (n: number) => n * DAY_MS - OFFSET_MS;

/** The first instant at or after t that lies inside an office session of a working day. */
function nextSessionInstant(cal: WorkCalendar, t: number): number {
  const { sessions, isWorking } = sessionWalker(cal);
  let n = localDayNumber(t);
  let within = t - midnightOf(n);
  for (let i = 0; i < MAX_DAYS; i++, n++, within = 0) {
    if (!isWorking(n)) continue;
    for (const s of sessions) if (within < s.end) return midnightOf(n) + Math.max(within, s.start);
  }
  throw new RangeError("no working day found");
}

/**
 * When the clock starts for something received at receivedAt: then, if inside office hours on a working
 * day and not after the cut-off; otherwise the start of the next session (later that day or the next working day).
 */
export function countingStart(cal: WorkCalendar, receivedAt: Date, cutOff: string | null): Date {
  const t = receivedAt.getTime();
  const n = localDayNumber(t);
  if (cutOff !== null && t - midnightOf(n) > clockMs(cutOff)) return new Date(nextSessionInstant(cal, midnightOf(n + 1)));
  return new Date(nextSessionInstant(cal, t));
}

/** start + hours of office time. Ending exactly at a session's end gives that end (17:30), not the next morning. */
export function addWorkingHours(cal: WorkCalendar, start: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return new Date(start.getTime());
  const { sessions, isWorking } = sessionWalker(cal);
  let n = localDayNumber(start.getTime());
  let within = start.getTime() - midnightOf(n);
  for (let i = 0; i < MAX_DAYS; i++, n++, within = 0) {
    if (!isWorking(n)) continue;
    for (const s of sessions) {
      if (within >= s.end) continue;
      const from = Math.max(within, s.start);
      const available = s.end - from;
      if (remaining <= available) return new Date(midnightOf(n) + from + remaining);
      remaining -= available;
      within = s.end;
    }
  }
  throw new RangeError("no working day found");
}

/** Office hours between two instants; negative when to is before from. */
export function workingHoursBetween(cal: WorkCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -workingHoursBetween(cal, to, from);
  const { sessions, isWorking } = sessionWalker(cal);
  let total = 0;
  for (let n = localDayNumber(a); n <= localDayNumber(b); n++) {
    if (!isWorking(n)) continue;
    const midnight = midnightOf(n);
    for (const s of sessions) total += Math.max(0, Math.min(b, midnight + s.end) - Math.max(a, midnight + s.start));
  }
  return total / HOUR_MS;
}

export function durationHours(d: Duration): number {
  return d.unit === "days" ? d.amount * HOURS_PER_DAY : d.amount;
}

/**
 * The one due-date rule: counting starts per countingStart, then the duration runs through office sessions.
 * Every deadline (processing, a step, a clock resumed with what was left) is computed here.
 */
export function computeDueAt(cal: WorkCalendar, input: { receivedAt: Date; duration: Duration; cutOff: string | null }): Date {
  return addWorkingHours(cal, countingStart(cal, input.receivedAt, input.cutOff), durationHours(input.duration));
}

/** The close of office on a local day ('YYYY-MM-DD'): the end of the last session of the office hours. */
export function closeOfOfficeDay(cal: WorkCalendar, day: string): Date {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`not a day: ${day}`);
  const sessions = parseSessions(cal.hours);
  return new Date(midnightOf(n) + sessions[sessions.length - 1]!.end);
}

/** The n-th working day after day (before it when n < 0); n = 0 gives day itself. */
export function addWorkingDays(cal: WorkCalendar, day: string, n: number): string {
  let d = dayNumber(day);
  if (d === null) throw new RangeError(`not a day: ${day}`);
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const step = Math.sign(n);
  let left = Math.abs(n);
  for (let i = 0; left > 0; i++) {
    if (i > MAX_DAYS) throw new RangeError("no working day found");
    d += step;
    if (cal.isWorkingDay(dayFromNumber(d))) left--;
  }
  return dayFromNumber(d);
}
