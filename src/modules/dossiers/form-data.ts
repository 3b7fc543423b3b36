// Checks a dossier's application form against the typed fields of its procedure version.
import type { FieldError } from "../../platform/http/app-error.ts";
import { checkCitizenIdNumber, checkPhone, idDisagreement } from "../citizens/index.ts";
import type { FormField, ProcedureDefinition } from "../procedures/index.ts";

export type PersonValue = { fullName: string; birthDate: string | null; citizenIdNumber: string | null };
export type FormValue = string | number | PersonValue | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const str = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** A choice missing or unknown: the message names the options by their labels, never their stored values. */
const choiceError = (field: string, f: FormField): FieldError => ({
  field,
  code: "choice",
  message: "dossiers.error.choice",
  options: (f.options ?? []).map((o) => ({ text: o.label })),
});

/**
 * Returns the cleaned values and one error per bad field (named `form.<key>`).
 * A draft may be incomplete (`partial`), but what it holds must still be well-formed.
 */
export function checkFormData(
  fields: readonly FormField[],
  raw: Record<string, unknown>,
  opts: { partial: boolean; today: Date },
): { values: Record<string, FormValue>; errors: FieldError[] } {
  const values: Record<string, FormValue> = {};
  const errors: FieldError[] = [];
  for (const f of fields) {
    const field = `form.${f.key}`;
    const v = raw[f.key];
    if (f.type === "file") continue; // files come as documents, keyed by the field's key
    if (f.type === "person") {
      const p = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
      const person: PersonValue = { fullName: str(p.fullName), birthDate: str(p.birthDate) || null, citizenIdNumber: str(p.citizenIdNumber) || null };
      if (!person.fullName) {
        if (f.required && !opts.partial) errors.push({ field: `${field}.fullName`, code: "required", message: "validation.required" });
        values[f.key] = person.birthDate || person.citizenIdNumber ? person : null;
      } else values[f.key] = person;
      if (person.birthDate && !isRealDate(person.birthDate)) errors.push({ field: `${field}.birthDate`, code: "date", message: "dossiers.error.date" });
      if (person.citizenIdNumber) {
        const id = checkCitizenIdNumber(person.citizenIdNumber, opts.today);
        if (!id.ok) errors.push({ field: `${field}.citizenIdNumber`, code: id.code, message: `citizens.idNumber.${id.code}` });
        else person.citizenIdNumber = id.value;
        // The number's century digit and year must agree with the person's date of birth, as for the applicant.
        const off = id.ok && person.birthDate && isRealDate(person.birthDate) ? idDisagreement(id.value, { birthDate: person.birthDate }) : null;
        if (off) errors.push({ field: `${field}.citizenIdNumber`, code: off.code, message: off.messageKey, params: off.params });
      }
      continue;
    }
    const s = str(v);
    if (!s) {
      if (f.required && !opts.partial) errors.push(f.type === "choice" ? choiceError(field, f) : { field, code: "required", message: "validation.required" });
      values[f.key] = null;
      continue;
    }
    switch (f.type) {
      case "number": {
        const n = Number(s.replace(",", "."));
        if (!Number.isFinite(n)) errors.push({ field, code: "number", message: "dossiers.error.number" });
        values[f.key] = Number.isFinite(n) ? n : s;
        break;
      }
      case "date":
        if (!isRealDate(s)) errors.push({ field, code: "date", message: "dossiers.error.date" });
        values[f.key] = s;
        break;
      case "choice":
        if (!f.options?.some((o) => o.value === s)) errors.push(choiceError(field, f));
        values[f.key] = s;
        break;
      case "idNumber": {
        const id = checkCitizenIdNumber(s, opts.today);
        if (!id.ok) errors.push({ field, code: id.code, message: `citizens.idNumber.${id.code}` });
        values[f.key] = id.ok ? id.value : s;
        break;
      }
      case "phone": {
        const ph = checkPhone(s);
        if (!ph.ok) errors.push({ field, code: ph.code, message: `citizens.phone.${ph.code}` });
        values[f.key] = ph.ok ? ph.national : s;
        break;
      }
      default:
        if (s.length > (f.type === "longText" || f.type === "address" ? 2000 : 300)) errors.push({ field, code: "too_big", message: "validation.tooLong" });
        values[f.key] = s;
    }
  }
  return { values, errors };
}

/** Documents (and file fields) that must be attached before the dossier can be submitted. */
export function missingDocuments(def: ProcedureDefinition, attached: ReadonlySet<string>): string[] {
  const required = [...def.documents.filter((d) => d.required).map((d) => d.key), ...def.form.filter((f) => f.type === "file" && f.required).map((f) => f.key)];
  return required.filter((k) => !attached.has(k));
}

/** Turns flat HTML form names (`form.child.fullName`) into the nested shape the API uses. */
export function nestFormFields(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(flat)) {
    if (!name.startsWith("form.")) continue;
    const [key, sub] = name.slice(5).split(".", 2) as [string, string | undefined];
    if (sub) out[key] = { ...((out[key] as Record<string, string>) ?? {}), [sub]: value };
    else out[key] = value;
  }
  return out;
}
