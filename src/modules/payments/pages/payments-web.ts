// What the payment pages share beyond the platform's page kit: the prefixed field names of the desk's forms.
import type { FieldError } from "../../../platform/http/app-error.ts";

// The desk's forms sit on the dossier page beside its other forms, so their field names carry a prefix
// (ids are derived from names and must stay unique on the page).
export const CONFIRM_FIELDS: Record<string, string> = { method: "payMethod", note: "payNote" };
export const EXEMPT_FIELDS: Record<string, string> = { reason: "exemptReason" };
export const REFUND_FIELDS: Record<string, string> = { reason: "refundReason" };

export const fromForm = (values: Record<string, string>, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([field, name]) => [field, values[name] ?? ""]));
export const errorsToForm = (errors: FieldError[], names: Record<string, string>) => errors.map((e) => ({ ...e, field: names[e.field] ?? e.field }));
