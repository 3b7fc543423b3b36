// A category's Open311 attributes (the service definition), read from its `attributes` column, and the check of a
// posted request's attribute[CODE] answers against them.
import type { FieldError } from "../../../platform/http/app-error.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";

export const DATATYPES = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"] as const;
export type Datatype = (typeof DATATYPES)[number];

export type Open311Attribute = {
  code: string;
  variable: boolean;
  datatype: Datatype;
  required: boolean;
  datatypeDescription: string;
  order: number;
  description: string;
  values: { key: string; name: string }[];
};

type Stored = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const inLocale = (o: Stored, base: string, locale: Locale) => str(o[`${base}_${locale}`]) || str(o[`${base}_vi`]) || str(o[base]);

/** The stored list in the reader's language, in its order; entries without a code or with an unknown datatype are skipped. */
export function readAttributes(stored: unknown, locale: Locale): Open311Attribute[] {
  if (!Array.isArray(stored)) return [];
  const out: Open311Attribute[] = [];
  stored.forEach((raw, i) => {
    if (!raw || typeof raw !== "object") return;
    const o = raw as Stored;
    const code = str(o.code);
    const datatype = str(o.datatype) as Datatype;
    if (!code || !DATATYPES.includes(datatype)) return;
    const values = Array.isArray(o.values)
      ? o.values.flatMap((v) => (v && typeof v === "object" ? [{ key: str((v as Stored).key), name: inLocale(v as Stored, "name", locale) }] : []))
      : [];
    out.push({
      code,
      variable: o.variable !== false,
      datatype,
      required: o.required === true,
      datatypeDescription: inLocale(o, "datatype_description", locale),
      order: typeof o.order === "number" && o.order > 0 ? o.order : i + 1,
      description: inLocale(o, "description", locale),
      values: values.filter((v) => v.key !== ""),
    });
  });
  return out.sort((a, b) => a.order - b.order);
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const ATTRIBUTE_MAX = 1000;

/**
 * The answers kept with the report: only the definition's variable attributes, each checked against its datatype.
 * `given` maps a code to the values sent (attribute[CODE] or attribute[CODE][]).
 */
export function checkAnswers(
  defs: readonly Open311Attribute[],
  given: ReadonlyMap<string, string[]>,
  isDate: (s: string) => boolean,
): { answers: Record<string, string | string[]>; errors: FieldError[] } {
  const answers: Record<string, string | string[]> = {};
  const errors: FieldError[] = [];
  const bad = (code: string, expected: string) =>
    errors.push({ field: `attribute[${code}]`, code: "invalid", message: "reports.open311.error.attributeBad", params: { code, expected } });
  for (const code of given.keys()) {
    if (!defs.some((d) => d.code === code && d.variable))
      errors.push({ field: `attribute[${code}]`, code: "unknown", message: "reports.open311.error.attributeUnknown", params: { code } });
  }
  for (const d of defs) {
    if (!d.variable) continue;
    const values = (given.get(d.code) ?? []).map((v) => v.trim()).filter((v) => v !== "");
    if (values.length === 0) {
      if (d.required)
        errors.push({ field: `attribute[${d.code}]`, code: "required", message: "reports.open311.error.attributeMissing", params: { code: d.code } });
      continue;
    }
    if (values.some((v) => v.length > ATTRIBUTE_MAX)) {
      bad(d.code, `≤ ${ATTRIBUTE_MAX}`);
      continue;
    }
    const keys = d.values.map((v) => v.key);
    switch (d.datatype) {
      case "multivaluelist":
        if (values.some((v) => !keys.includes(v))) bad(d.code, keys.join(", "));
        else answers[d.code] = [...new Set(values)];
        continue;
      case "singlevaluelist":
        if (values.length > 1 || !keys.includes(values[0]!)) bad(d.code, keys.join(", "));
        else answers[d.code] = values[0]!;
        continue;
      case "number":
        if (values.length > 1 || !NUMBER.test(values[0]!)) bad(d.code, "number");
        else answers[d.code] = values[0]!;
        continue;
      case "datetime":
        if (values.length > 1 || !isDate(values[0]!)) bad(d.code, "datetime");
        else answers[d.code] = values[0]!;
        continue;
      case "string":
        if (values.length > 1 || /[\r\n]/.test(values[0]!)) bad(d.code, "string");
        else answers[d.code] = values[0]!;
        continue;
      case "text":
        if (values.length > 1) bad(d.code, "text");
        else answers[d.code] = values[0]!;
        continue;
    }
  }
  return { answers, errors };
}
