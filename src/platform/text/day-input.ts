// Dates as people in Vietnam write them: 12/02/2026 (also 12-02-2026, 12.02.2026, 1/2/2026). The one parser
// every page uses for a typed date, and its inverse for showing a stored day (YYYY-MM-DD) in a text input.
// The JSON API keeps YYYY-MM-DD; a page turns what was typed into that before a use case sees it.
import type { FieldError } from "../http/app-error.ts";

export type DayInput = { ok: true; iso: string } | { ok: false; code: "format" | "impossible" };

/** What the inputs show as their placeholder, in both languages. */
export const DAY_PLACEHOLDER = "dd/mm/yyyy";
/** The input's pattern attribute (a browser with JavaScript off still submits; the server decides). */
export const DAY_PATTERN = "\\s*\\d{1,2}[\\/\\-.]\\d{1,2}[\\/\\-.]\\d{4}\\s*";

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A typed day: d/m/yyyy (or with - or .), or already YYYY-MM-DD; 31/02/2026 is "impossible", "tomorrow" a "format" error. */
export function parseDayInput(raw: string): DayInput {
  const s = raw.trim();
  const dmy = DMY.exec(s);
  const iso = dmy ? null : ISO.exec(s);
  if (!dmy && !iso) return { ok: false, code: "format" };
  const [d, m, y] = dmy ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])] : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, code: "impossible" };
  return { ok: true, iso: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/** A stored day as the input shows it (2026-02-12 → 12/02/2026); anything else (what was typed) unchanged. */
export function dayInputValue(value: string | null | undefined): string {
  const iso = ISO.exec(value ?? "");
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : (value ?? "");
}

/** The field error a page shows for a day it could not read: it names the field, in the page's language. */
export function dayError(field: string, code: "format" | "impossible"): FieldError {
  return { field, code: "date", message: code === "impossible" ? "validation.dateImpossible" : "validation.date" };
}

/**
 * The posted values with each named day field turned into YYYY-MM-DD when it reads as a day; a field that does
 * not is left as typed (so the use case refuses it too) and gets its error here. Empty fields are left alone.
 */
export function readDayFields(values: Record<string, string>, names: Iterable<string>): { values: Record<string, string>; errors: FieldError[] } {
  const out = { ...values };
  const errors: FieldError[] = [];
  for (const name of names) {
    const v = values[name];
    if (v === undefined || v.trim() === "") continue;
    const day = parseDayInput(v);
    if (day.ok) out[name] = day.iso;
    else errors.push(dayError(name, day.code));
  }
  return { values: out, errors };
}

/** A use case's errors with those on the page's unreadable day fields replaced by the page's own words for them. */
export function withDayErrors(errors: readonly FieldError[], dayErrors: readonly FieldError[]): FieldError[] {
  const byField = new Map(dayErrors.map((e) => [e.field, e]));
  const out = errors.map((e) => byField.get(e.field) ?? e);
  for (const e of dayErrors) if (!out.includes(e)) out.push(e);
  return out;
}
