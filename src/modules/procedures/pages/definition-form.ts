// The office edit form: a definition as flat form values and back (lists are table rows, a few empty ones to add more).
import type { Context } from "hono";
import type { FieldError } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import { DOCUMENT_FORMS, FORM_FIELD_TYPES, type ProcedureDefinition, STEP_ROLES } from "../procedures.contract.ts";
import { k } from "./labels.ts";

export type ListName = "documents" | "form" | "steps" | "fees";
type Col = { name: string; label: MessageKey; kind: "text" | "number" | "check" | "select"; options?: (t: Translate) => { value: string; label: string }[] };
const opts =
  (values: readonly string[], prefix: string, withEmpty = false) =>
  (t: Translate) => [
    ...(withEmpty ? [{ value: "", label: t("procedures.prefill.none") }] : []),
    ...values.map((v) => ({ value: v, label: t(k(`${prefix}.${v}`)) })),
  ];
const PREFILLS = ["fullName", "birthDate", "citizenIdNumber", "address", "phone", "email"] as const;
export const LISTS: Record<ListName, { title: MessageKey; cols: Col[] }> = {
  documents: {
    title: "procedures.section.documents",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "name", label: "procedures.col.name", kind: "text" },
      { name: "copies", label: "procedures.col.copies", kind: "number" },
      { name: "form", label: "procedures.col.form", kind: "select", options: opts(DOCUMENT_FORMS, "procedures.documentForm") },
      { name: "required", label: "procedures.col.required", kind: "check" },
      { name: "fromVault", label: "procedures.col.fromVault", kind: "check" },
      { name: "note", label: "procedures.col.note", kind: "text" },
      { name: "templateUrl", label: "procedures.col.templateUrl", kind: "text" },
    ],
  },
  form: {
    title: "procedures.section.form",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "label", label: "procedures.col.label", kind: "text" },
      { name: "type", label: "procedures.col.type", kind: "select", options: opts(FORM_FIELD_TYPES, "procedures.formFieldType") },
      { name: "required", label: "procedures.col.required", kind: "check" },
      { name: "prefill", label: "procedures.col.prefill", kind: "select", options: opts(PREFILLS, "procedures.prefill", true) },
      { name: "options", label: "procedures.col.options", kind: "text" },
      { name: "help", label: "procedures.col.help", kind: "text" },
    ],
  },
  steps: {
    title: "procedures.section.steps",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "name", label: "procedures.col.name", kind: "text" },
      { name: "role", label: "procedures.col.role", kind: "select", options: opts(STEP_ROLES, "procedures.stepRole") },
      { name: "share", label: "procedures.col.share", kind: "number" },
    ],
  },
  fees: {
    title: "procedures.section.fees",
    cols: [
      { name: "key", label: "procedures.col.key", kind: "text" },
      { name: "label", label: "procedures.col.label", kind: "text" },
      { name: "amount", label: "procedures.col.amount", kind: "number" },
      { name: "exemptions", label: "procedures.col.exemptions", kind: "text" },
    ],
  },
};
export const LIST_NAMES = Object.keys(LISTS) as ListName[];
const EMPTY_ROWS = 2;

export function definitionToValues(d: ProcedureDefinition): Record<string, string> {
  const v: Record<string, string> = {
    code: d.code,
    name: d.name,
    field: d.field,
    level: d.level,
    onlineLevel: d.onlineLevel,
    "processing.unit": d.processing.unit,
    "processing.amount": String(d.processing.amount),
    "processing.cutOff": d.processing.cutOff ?? "",
    resultName: d.resultName,
    deliveryMethods: d.deliveryMethods.join(","),
    legalBasis: d.legalBasis.join("\n"),
    summary: d.summary ?? "",
  };
  for (const list of LIST_NAMES) {
    (d[list] as Record<string, unknown>[]).forEach((item, i) => {
      for (const col of LISTS[list].cols) {
        const x = item[col.name];
        v[`${list}.${i}.${col.name}`] =
          col.name === "options"
            ? ((x as { value: string; label: string }[] | undefined) ?? []).map((o) => `${o.value}=${o.label}`).join("; ")
            : x === undefined
              ? ""
              : String(x);
      }
    });
  }
  return v;
}

const rowCount = (values: Record<string, string>, list: ListName) => {
  let n = 0;
  for (const key of Object.keys(values)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(key);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return Math.min(n, 60);
};

/** Form values → the contract's input, skipping empty rows; `rows` maps each kept item back to its form row. */
export function valuesToInput(v: Record<string, string>): { input: Record<string, unknown>; rows: Record<ListName, number[]> } {
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const num = (s: string | undefined) => {
    const x = opt(s);
    if (x === undefined) return undefined;
    const n = Number(x.replace(",", "."));
    return Number.isFinite(n) ? n : x;
  };
  const rows: Record<ListName, number[]> = { documents: [], form: [], steps: [], fees: [] };
  const input: Record<string, unknown> = {
    code: opt(v.code),
    name: opt(v.name),
    field: opt(v.field),
    level: opt(v.level),
    onlineLevel: opt(v.onlineLevel),
    processing: {
      unit: opt(v["processing.unit"]),
      // A same-day procedure needs no amount: it is one working day.
      amount: num(v["processing.amount"]) ?? (v["processing.unit"] === "sameDay" ? 1 : undefined),
      cutOff: opt(v["processing.cutOff"]) ?? null,
    },
    resultName: opt(v.resultName),
    deliveryMethods: (v.deliveryMethods ?? "").split(",").filter(Boolean),
    legalBasis: (v.legalBasis ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    summary: opt(v.summary),
  };
  for (const list of LIST_NAMES) {
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < rowCount(v, list); i++) {
      const g = (c: string) => v[`${list}.${i}.${c}`];
      if (!opt(g("key")) && !opt(g("name")) && !opt(g("label"))) continue; // an empty row
      const item: Record<string, unknown> = {};
      for (const col of LISTS[list].cols) {
        const raw = g(col.name);
        if (col.kind === "check") item[col.name] = raw === "true";
        else if (col.kind === "number") item[col.name] = num(raw);
        else if (col.name === "options") {
          const o = (raw ?? "")
            .split(";")
            .map((s) => s.trim())
            .filter(Boolean)
            .map((s) => {
              const j = s.indexOf("=");
              return j < 0 ? { value: s, label: s } : { value: s.slice(0, j).trim(), label: s.slice(j + 1).trim() };
            });
          item[col.name] = o.length ? o : undefined;
        } else item[col.name] = opt(raw);
      }
      items.push(item);
      rows[list].push(i);
    }
    input[list] = items;
  }
  return { input, rows };
}

/** Error paths name kept items ("documents.1.name"); the form names its rows, empty ones included. */
export function toFormErrors(errors: FieldError[], rows: Record<ListName, number[]>): FieldError[] {
  return errors.map((e) => {
    const [list, index, ...rest] = e.field.split(".");
    if (list && list in rows && index !== undefined && /^\d+$/.test(index)) {
      const row = rows[list as ListName][Number(index)];
      if (row !== undefined) return { ...e, field: [list, row, ...rest].join(".") };
    }
    return e;
  });
}

/** Reads a post where repeated names (delivery method checkboxes) are kept. */
export async function readEditForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(body)) {
    if (name.startsWith("_")) continue;
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    out[name] = name === "deliveryMethods" ? list.join(",") : (list[list.length - 1] ?? "");
  }
  out.deliveryMethods ??= "";
  return out;
}

export function withEmptyRows(values: Record<string, string>): Record<ListName, number> {
  const out = {} as Record<ListName, number>;
  for (const list of LIST_NAMES) out[list] = rowCount(values, list) + EMPTY_ROWS;
  return out;
}

export const NEW_VALUES: Record<string, string> = {
  field: "civilStatus",
  level: "commune",
  onlineLevel: "full",
  "processing.unit": "days",
  deliveryMethods: "desk,online",
  "steps.0.key": "receive",
  "steps.0.role": "one_stop_officer",
  "steps.0.share": "0.1",
  "steps.1.key": "review",
  "steps.1.role": "specialist",
  "steps.1.share": "0.5",
  "steps.2.key": "sign",
  "steps.2.role": "leader",
  "steps.2.share": "0.3",
  "steps.3.key": "return",
  "steps.3.role": "one_stop_officer",
  "steps.3.share": "0.1",
};
