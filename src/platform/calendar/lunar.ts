// The Vietnamese lunisolar calendar, computed for UTC+7 with Hồ Ngọc Đức's astronomical algorithm
// (new moons and the sun's longitude from Meeus' formulas). A Chinese calendar library will not do:
// it computes for UTC+8, which moves some months by a day, and Tết 1985 by a whole month.
// Valid roughly 1800–2199, the range the formulas were published for. New moons are good to a few minutes:
// when one falls within minutes of midnight in Hà Nội the official calendar may start the month a day apart
// (this formula puts the new moon of 21/4/2031 at 23:59, the month of Giỗ Tổ 2031): check such years
// against the published calendar and record any difference as a calendar override.

export type LunarDate = { day: number; month: number; year: number; leap: boolean };
export type SolarDate = { y: number; m: number; d: number };

/** Vietnam's civil time zone in hours; a parameter only so tests can show why UTC+8 is wrong. */
export const VIETNAM_TIME_ZONE = 7;

const INT = Math.floor;
const DR = Math.PI / 180;

/** Julian day number of a Gregorian date (Julian calendar before 15 Oct 1582). */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  let jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
  if (jd < 2299161) jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083;
  return jd;
}

export function jdToDate(jd: number): SolarDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = INT((4 * a + 3) / 146097);
    c = a - INT((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  return { d: e - INT((153 * m + 2) / 5) + 1, m: m + 3 - 12 * INT(m / 10), y: b * 100 + d - 4800 + INT(m / 10) };
}

/** Julian date (UTC) of the k-th new moon after 1 Jan 1900 (Meeus, chapter 47, shortened). */
export function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, normalised to [0, 2π), at a Julian date (Meeus, chapter 25). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - Math.PI * 2 * INT(L / (Math.PI * 2));
}

/** Which of the 12 major solar terms (0..11, 30° each) the day is in, at local midnight starting the day. */
const sunSector = (dayNumber: number, tz: number) => INT((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);

/** Day number of the local day holding the k-th new moon. */
const newMoonDay = (k: number, tz: number) => INT(newMoon(k) + 0.5 + tz / 24);

/** The day month 11 (the month holding the winter solstice) starts in, for the solstice of December yy. */
function lunarMonth11(yy: number, tz: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / 29.530588853);
  const nm = newMoonDay(k, tz);
  // Past the winter solstice already (sector 9 = 270°): the month holding it began one new moon earlier.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year, the offset after month 11 of the first month without a major solar term (the leap one). */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(yy: number, mm: number, dd: number, tz = VIETNAM_TIME_ZONE): LunarDate {
  const dayNumber = jdFromDate(dd, mm, yy);
  let k = INT((dayNumber - 2415021.076998695) / 29.530588853) + 1;
  // The mean-month estimate can be two new moons ahead on rare days (e.g. 7 May 2054); step back until it is not.
  let monthStart = newMoonDay(k, tz);
  while (monthStart > dayNumber) monthStart = newMoonDay(--k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** Throws a RangeError for a leap month the year does not have, or a day the month does not have. */
export function lunarToSolar(day: number, month: number, year: number, leap = false, tz = VIETNAM_TIME_ZONE): SolarDate {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30)
    throw new RangeError(`no lunar date ${day}/${month}/${year}`);
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off, tz);
  if (day > newMoonDay(k + off + 1, tz) - monthStart) throw new RangeError(`lunar month ${month}/${year} has fewer than ${day} days`);
  return jdToDate(monthStart + day - 1);
}

/** The number of days (29 or 30) in a lunar month. */
export function lunarMonthLength(month: number, year: number, leap = false, tz = VIETNAM_TIME_ZONE): 29 | 30 {
  const start = lunarToSolar(1, month, year, leap, tz);
  const s = jdFromDate(start.d, start.m, start.y);
  const next = solarToLunar(jdToDate(s + 29).y, jdToDate(s + 29).m, jdToDate(s + 29).d, tz);
  return next.day === 1 ? 29 : 30;
}
