// Reporting periods (kỳ báo cáo): a month '2026-11', a quarter '2026-Q4', a year '2026', or the year to date
// '2026-ytd'. Days are Vietnam local days, inclusive at both ends; a period that has not started is refused.
import { AppError } from "../../platform/http/app-error.ts";

export const PERIOD_KINDS = ["month", "quarter", "year", "ytd"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = {
  kind: PeriodKind;
  /** As written in URLs, forms and exports. */
  code: string;
  year: number;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive; for the current period, the period's own end (facts simply stop at today). */
  end: string;
};

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const PERIOD_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-(ytd))?$/;

/** The period a code names, or null when the code is malformed (it does not check the future: see parsePeriod). */
export function periodOf(code: string, today: string): Period | null {
  const m = PERIOD_RE.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[2]) {
    const month = Number(m[2]);
    return { kind: "month", code: `${year}-${m[2]}`, year, start: `${year}-${m[2]}-01`, end: `${year}-${m[2]}-${pad(lastDayOfMonth(year, month))}` };
  }
  if (m[3]) {
    const q = Number(m[3]);
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return { kind: "quarter", code: `${year}-Q${q}`, year, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
  }
  if (m[4]) {
    const end = today.startsWith(String(year)) ? today : `${year}-12-31`;
    return { kind: "ytd", code: `${year}-ytd`, year, start: `${year}-01-01`, end };
  }
  return { kind: "year", code: String(year), year, start: `${year}-01-01`, end: `${year}-12-31` };
}

/** A period from user input: a 400 naming the field when malformed or not yet begun. */
export function parsePeriod(code: string, today: string, field = "period"): Period {
  const p = periodOf(code, today);
  if (!p) throw new AppError("validation", "error.validation", [{ field, code: "format", message: "indicators.period.invalid" }]);
  if (p.start > today) throw new AppError("validation", "error.validation", [{ field, code: "future", message: "indicators.period.future" }]);
  return p;
}

/** The period of a kind that holds a day (the current month, quarter, year or year to date). */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const y = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const code = kind === "month" ? day.slice(0, 7) : kind === "quarter" ? `${y}-Q${Math.ceil(month / 3)}` : kind === "ytd" ? `${y}-ytd` : y;
  return periodOf(code, day) as Period;
}

/** The period of the same kind just before (a year to date steps back to the same days of the year before). */
export function previousPeriod(p: Period, today: string): Period {
  if (p.kind === "month") {
    const [y, m] = [Number(p.code.slice(0, 4)), Number(p.code.slice(5, 7))];
    return periodOf(m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`, today) as Period;
  }
  if (p.kind === "quarter") {
    const [y, q] = [p.year, Number(p.code.slice(-1))];
    return periodOf(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`, today) as Period;
  }
  if (p.kind === "ytd") {
    const prev = periodOf(`${p.year - 1}-ytd`, today) as Period;
    return { ...prev, end: `${p.year - 1}${p.end.slice(4)}`.replace(/-02-29$/, "-02-28") };
  }
  return periodOf(String(p.year - 1), today) as Period;
}

/** The n periods ending with p, oldest first (a trend). */
export function trailingPeriods(p: Period, n: number, today: string): Period[] {
  const out = [p];
  while (out.length < n) out.unshift(previousPeriod(out[0] as Period, today));
  return out;
}
