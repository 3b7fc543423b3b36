// The entry part's pure rules: which manual elements a period asks for, which periods are due, when one is late, a
// typed value checked against its element, and the state of a commune's period from the states of its values.
import type { FieldError } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { type Period, type PeriodKind, periodContaining, periodOf, previousPeriod } from "../periods.ts";
import type { ManualElement } from "../set-definition.ts";
import type { ResolvedSet } from "../set-store.ts";
import type { ValueStatus } from "./entry.repository.ts";

/**
 * A period's values are due within this many days after it ends: the 5th of the following month for a month, of
 * the month after a quarter or a year. After that, what is not submitted is late.
 */
export const LATE_AFTER_DAYS = 5;
/** How many periods of each frequency the entry list and the status list show, the most recent first. */
export const PERIODS_SHOWN = { month: 4, quarter: 3, year: 2 } as const;

export type EntryFrequency = ManualElement["frequency"];
export type DueElement = ManualElement & { setKey: string; setName: string; setNameEn: string };

/** Every manual element of the province's sets, once per key (the first set that defines it wins). */
export function manualElements(sets: readonly ResolvedSet[]): DueElement[] {
  const seen = new Map<string, DueElement>();
  for (const s of sets) for (const e of s.elements) if (!seen.has(e.key)) seen.set(e.key, { ...e, setKey: s.key, setName: s.name, setNameEn: s.nameEn });
  return [...seen.values()];
}

/** The elements entered for a period: those whose frequency is the period's kind. */
export const elementsFor = (elements: readonly DueElement[], kind: PeriodKind): DueElement[] => elements.filter((e) => e.frequency === kind);

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The last day values of a period may still be submitted on time. */
export const dueBy = (p: Pick<Period, "end">): string => addDays(p.end, LATE_AFTER_DAYS);
/** Past its due day (and so late unless submitted or approved). */
export const isPastDue = (p: Pick<Period, "end">, today: string): boolean => today > dueBy(p);

/** The periods to enter, per frequency in use: the current one and those before it, most recent first. */
export function duePeriods(kinds: ReadonlySet<EntryFrequency>, today: string, opts: { endedOnly?: boolean } = {}): Period[] {
  const out: Period[] = [];
  for (const kind of ["month", "quarter", "year"] as const) {
    if (!kinds.has(kind)) continue;
    let p = periodContaining(kind, today);
    if (opts.endedOnly && p.end >= today) p = previousPeriod(p, today);
    for (let i = 0; i < PERIODS_SHOWN[kind]; i++) {
      out.push(p);
      p = previousPeriod(p, today);
    }
  }
  return out;
}

/** The period a form or URL names, when it is one values are entered for (a month, quarter or year). */
export function entryPeriod(code: string, today: string): Period | null {
  const p = periodOf(code, today);
  return p && p.kind !== "ytd" ? p : null;
}

/** A period in words: "Tháng 11/2026", "Quý 4/2026", "Năm 2026". */
export function periodLabel(t: Translate, p: Pick<Period, "kind" | "code" | "year" | "end">): string {
  if (p.kind === "month") return t("indicators.period.month", { month: Number(p.code.slice(5, 7)), year: p.year });
  if (p.kind === "quarter") return t("indicators.period.quarter", { quarter: Number(p.code.slice(-1)), year: p.year });
  if (p.kind === "year") return t("indicators.period.year", { year: p.year });
  return t("indicators.period.ytd", { year: p.year, day: p.end });
}

const NUMBER_RE = /^-?\d+(?:[.,]\d+)?$/;

/**
 * A typed value checked against its element: digits with a decimal comma or point ("12,5"), no thousands separator
 * (so "1.000" cannot mean one or one thousand); an integer for integer elements; 0–100 for percentages; min and max.
 * Empty: null. Returns the number or the field's error.
 */
export function parseValue(
  raw: string | number | null | undefined,
  e: ManualElement,
  field: string,
): { ok: true; value: number | null } | { ok: false; error: FieldError } {
  const fail = (code: string, message: FieldError["message"], params?: Record<string, string | number>) =>
    ({ ok: false, error: { field, code, message, ...(params ? { params } : {}) } }) as const;
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  let n: number;
  if (typeof raw === "number") n = raw;
  else {
    const s = raw.trim().replace(/\s/g, "");
    if (!NUMBER_RE.test(s)) return fail("number", "indicators.entry.error.notANumber");
    n = Number(s.replace(",", "."));
  }
  if (!Number.isFinite(n)) return fail("number", "indicators.entry.error.notANumber");
  if (e.valueType === "integer" && !Number.isInteger(n)) return fail("integer", "indicators.entry.error.notInteger");
  const min = Math.max(e.min ?? Number.NEGATIVE_INFINITY, e.valueType === "percent" ? 0 : Number.NEGATIVE_INFINITY);
  const max = Math.min(e.max ?? Number.POSITIVE_INFINITY, e.valueType === "percent" ? 100 : Number.POSITIVE_INFINITY);
  if (n < min) return fail("min", "indicators.entry.error.tooSmall", { min });
  if (n > max) return fail("max", "indicators.entry.error.tooLarge", { max });
  return { ok: true, value: n };
}

export type PeriodState = "missing" | "draft" | "submitted" | "returned" | "approved";

/**
 * A commune's period from its values: nothing entered is missing; any value returned makes it returned; drafts or
 * elements still without a value keep it a draft; all sent is submitted; all approved is approved.
 */
export function periodState(due: readonly string[], statuses: ReadonlyMap<string, ValueStatus>): PeriodState {
  const present = due.filter((k) => statuses.has(k));
  if (present.length === 0) return "missing";
  const s = present.map((k) => statuses.get(k));
  if (s.includes("returned")) return "returned";
  if (s.includes("draft") || present.length < due.length) return "draft";
  if (s.includes("submitted")) return "submitted";
  return "approved";
}

/** Late: past its due day and not yet with the province (submitted) or approved. */
export const isLate = (state: PeriodState, p: Pick<Period, "end">, today: string): boolean =>
  state !== "submitted" && state !== "approved" && isPastDue(p, today);
