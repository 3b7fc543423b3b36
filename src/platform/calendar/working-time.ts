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
/**
 * How a procedure's time is counted: working days (to the close of office of the last one), working hours
 * (by the hour), or the same working day (close of office of the day of receipt; the next working day after the cut-off).
 */
export const DURATION_UNITS = ["days", "hours", "sameDay"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type Duration = { unit: DurationUnit; amount: number };

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

/** The working hours a duration stands for; a same-day procedure counts as one working day (its steps share it). */
export function durationHours(d: Duration): number {
  return d.unit === "hours" ? d.amount : d.unit === "sameDay" ? HOURS_PER_DAY : d.amount * HOURS_PER_DAY;
}

/** The next working day strictly after local day n. */
function nextWorkingDay(isWorking: (n: number) => boolean, n: number): number {
  for (let i = 0; i < MAX_DAYS; i++) if (isWorking(++n)) return n;
  throw new RangeError("no working day found");
}

/**
 * The day a receipt counts from: its local day, or the next working day when received after the cut-off of a
 * working day (on a day off there is no office day to cut off: the period starts on the next working day anyway).
 */
export function dayOfReceipt(cal: WorkCalendar, receivedAt: Date, cutOff: string | null): string {
  const { isWorking } = sessionWalker(cal);
  const t = receivedAt.getTime();
  const n = localDayNumber(t);
  if (cutOff !== null && isWorking(n) && t - midnightOf(n) > clockMs(cutOff)) return dayFromNumber(nextWorkingDay(isWorking, n));
  return dayFromNumber(n);
}

/**
 * The end of the office session in which `at` falls (a session's own end included), else of the next session:
 * the half-day boundary (11:30 or 17:30 with the default hours) that internal steps and resumed clocks end on.
 */
export function endOfSession(cal: WorkCalendar, at: Date): Date {
  const { sessions, isWorking } = sessionWalker(cal);
  const t = at.getTime();
  let n = localDayNumber(t);
  let within = t - midnightOf(n);
  for (let i = 0; i < MAX_DAYS; i++, n++, within = -1) {
    if (!isWorking(n)) continue;
    for (const s of sessions) if (within <= s.end) return new Date(midnightOf(n) + s.end);
  }
  throw new RangeError("no working day found");
}

/** The close of office of local day n. */
function closeOf(sessions: Session[], n: number): Date {
  return new Date(midnightOf(n) + sessions[sessions.length - 1]!.end);
}

/**
 * The one due-date rule, used for every deadline (processing, steps, the public "when is it ready?"):
 * - days (Civil Code arts. 147–148): N working days start on the working day after the day of receipt
 *   (dayOfReceipt: after the cut-off, the next working day) and end at the close of office of the N-th one;
 *   a fraction of a day ends at the end of the session that completes it (half days: 11:30);
 * - sameDay: received on a working day up to the cut-off (no cut-off: before the close of office), due at
 *   the close of office that day; otherwise at the close of office of the next working day;
 * - hours: counting starts per countingStart, then the hours run through office sessions.
 */
export function computeDueAt(cal: WorkCalendar, input: { receivedAt: Date; duration: Duration; cutOff: string | null }): Date {
  const { receivedAt, duration, cutOff } = input;
  const { sessions, isWorking } = sessionWalker(cal);
  if (duration.unit === "hours") return addWorkingHours(cal, countingStart(cal, receivedAt, cutOff), durationHours(duration));
  const t = receivedAt.getTime();
  const n = localDayNumber(t);
  if (duration.unit === "sameDay") {
    const within = t - midnightOf(n);
    const close = sessions[sessions.length - 1]!.end;
    const inTime = within < close && (cutOff === null || within <= clockMs(cutOff));
    return closeOf(sessions, isWorking(n) && inTime ? n : nextWorkingDay(isWorking, n));
  }
  if (!Number.isFinite(duration.amount) || duration.amount <= 0) throw new RangeError(`days must be > 0, got ${duration.amount}`);
  const whole = Math.floor(duration.amount);
  const fraction = duration.amount - whole;
  const receiptDay = dayOfReceipt(cal, receivedAt, cutOff);
  if (fraction === 0) return closeOfOfficeDay(cal, addWorkingDays(cal, receiptDay, whole));
  // The fraction is taken from the working day after the whole days, from its opening.
  const lastDay = dayNumber(addWorkingDays(cal, receiptDay, whole + 1))!;
  return endOfSession(cal, addWorkingHours(cal, new Date(midnightOf(lastDay)), fraction * HOURS_PER_DAY));
}

/**
 * An internal step's deadline: its share of working hours from now, ending at the end of the session in which
 * it runs out (a half-day boundary), never later than the dossier's own deadline while that is still ahead.
 */
export function stepDueAt(cal: WorkCalendar, from: Date, hours: number, dossierDueAt: Date | null): Date {
  const end = endOfSession(cal, addWorkingHours(cal, countingStart(cal, from, null), hours));
  return dossierDueAt && dossierDueAt.getTime() > from.getTime() && dossierDueAt.getTime() < end.getTime() ? dossierDueAt : end;
}

/**
 * The deadline of a clock resumed after a stop (supplement request, pause). A dossier already past its deadline
 * when the clock stopped stays late: it keeps that deadline. Otherwise the working hours left run from the
 * resumption; for procedures counted in days (or the same day) the new deadline ends at the end of the session in
 * which they run out, a half-day boundary, as internal steps do; procedures counted in hours keep the exact hour.
 */
export function resumedDueAt(cal: WorkCalendar, input: { dueAt: Date; stoppedAt: Date; resumedAt: Date; remainingHours: number; unit: DurationUnit }): Date {
  // By the instants, not the hours: stopped on the Saturday after a Friday deadline overran no office hour but is late.
  if (input.stoppedAt.getTime() > input.dueAt.getTime() || input.remainingHours < 0) return input.dueAt;
  const end = addWorkingHours(cal, countingStart(cal, input.resumedAt, null), input.remainingHours);
  return input.unit === "hours" ? end : endOfSession(cal, end);
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
