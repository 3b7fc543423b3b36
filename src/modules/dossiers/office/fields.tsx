// The office pages' fields: the shared controls, given an explicit id (one page carries several forms)
// and the value and error of just that field.
import type { FieldError } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { errorOf, Field, type FormState, RadioGroup, SelectField } from "../../../platform/views/components.tsx";

export { errorOf };

export type FieldProps = { t: Translate; id: string; name: string; label: string; hint?: string; error?: FieldError; value?: string; required?: boolean };

const single = (p: FieldProps): FormState => ({ values: { [p.name]: p.value ?? "" }, errors: p.error ? [{ ...p.error, field: p.name }] : [] });
const common = (p: FieldProps) => ({ t: p.t, form: single(p), name: p.name, id: p.id, label: p.label, hint: p.hint, required: p.required });

export const TextArea = (p: FieldProps & { rows?: number }) => <Field {...common(p)} kind="textarea" rows={p.rows} />;

export function Input(p: FieldProps & { type?: "text" | "number" | "date" | "file"; inputmode?: "numeric" | "decimal"; accept?: string }) {
  const kind = p.type === "file" ? "file" : p.type === "date" ? "date" : p.type === "number" || p.inputmode ? "decimal" : "text";
  return <Field {...common(p)} kind={kind} accept={p.accept} />;
}

export const Select = (p: FieldProps & { options: Array<{ value: string; label: string }> }) => <SelectField {...common(p)} options={p.options} />;

/** Radios in a fieldset; the first radio carries the id the error summary links to. */
export const Radios = (p: Omit<FieldProps, "required"> & { options: Array<{ value: string; label: string }> }) => (
  <RadioGroup t={p.t} form={single(p)} name={p.name} id={p.id} legend={p.label} hint={p.hint} options={p.options} />
);
