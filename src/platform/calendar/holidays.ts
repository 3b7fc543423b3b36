// Vietnam's public holidays as computed from the law; the Prime Minister's yearly decisions come on top as overrides.
// Labour Code 2019, Art. 112(1): 1/1; Tết Nguyên Đán (5 days); Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5;
// 2/9 and one day next to it. Art. 111(3): a holiday on the weekly rest day is made up on the next working day.
import { lunarToSolar } from "./lunar.ts";

export const HOLIDAY_NAMES = [
  "calendar.holiday.newYear",
  "calendar.holiday.tet",
  "calendar.holiday.hungKings",
  "calendar.holiday.reunification",
  "calendar.holiday.labourDay",
  "calendar.holiday.nationalDay",
  "calendar.holiday.compensatory",
] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];
export type Holiday = { date: string; name: HolidayName };

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day, or null when it is not a real date. */
export function dayNumber(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC quietly rolls 2026-02-30 over to March: refuse it instead.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

export const isDay = (day: string) => dayNumber(day) !== null;

export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function mustDayNumber(day: string): number {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`not a day: ${day}`);
  return n;
}

export const formatDay = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
export const addDays = (day: string, n: number) => dayFromNumber(mustDayNumber(day) + n);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string) => (((mustDayNumber(day) + 4) % 7) + 7) % 7;
export const isWeekend = (day: string) => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

/** The default Tết break: the last day of the lunar year and the first four of the new one (the usual decision). */
export function tetDays(year: number): string[] {
  const first = lunarToSolar(1, 1, year);
  const newYear = formatDay(first.y, first.m, first.d);
  return [-1, 0, 1, 2, 3].map((i) => addDays(newYear, i));
}

/**
 * The day next to 2/9 when the Prime Minister has not chosen yet: the one that joins a weekend if any
 * (3/9 on a Friday, else 1/9 on a weekday, else 3/9). It matches the decisions of 2021–2026.
 */
export function nationalDayCompanion(year: number): string {
  const before = formatDay(year, 9, 1);
  const after = formatDay(year, 9, 3);
  if (weekday(after) === 5) return after;
  return isWeekend(before) ? after : before;
}

/** The holidays of Art. 112(1) in a year, by date. */
export function statutoryHolidays(year: number): Holiday[] {
  const hung = lunarToSolar(10, 3, year);
  const list: Holiday[] = [
    { date: formatDay(year, 1, 1), name: "calendar.holiday.newYear" },
    ...tetDays(year).map((date) => ({ date, name: "calendar.holiday.tet" as const })),
    { date: formatDay(hung.y, hung.m, hung.d), name: "calendar.holiday.hungKings" },
    { date: formatDay(year, 4, 30), name: "calendar.holiday.reunification" },
    { date: formatDay(year, 5, 1), name: "calendar.holiday.labourDay" },
    { date: nationalDayCompanion(year), name: "calendar.holiday.nationalDay" },
    { date: formatDay(year, 9, 2), name: "calendar.holiday.nationalDay" },
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** Statutory holidays plus, for each one on a Saturday or Sunday, a day off on the next free weekday (Art. 111(3)). */
export function holidaysOfYear(year: number): Holiday[] {
  const statutory = statutoryHolidays(year);
  const taken = new Set(statutory.map((h) => h.date));
  const out = [...statutory];
  for (const h of statutory) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({ date: d, name: "calendar.holiday.compensatory" });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
