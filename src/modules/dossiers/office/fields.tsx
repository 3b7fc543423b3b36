// Small accessible fields of the office pages (names and ids apart, as one page carries several forms).
import { type FieldError, localizeField } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";

export type FieldProps = { t: Translate; id: string; name: string; label: string; hint?: string; error?: FieldError; value?: string; required?: boolean };

function FieldShell(props: FieldProps & { children: unknown }) {
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <span class="hint" id={`${props.id}-hint`}>{props.hint}</span>}
      {props.error && (
        <span class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">{props.t("form.errorPrefix")}</span> {localizeField(props.error, props.t, props.label)}
        </span>
      )}
      {props.children}
    </div>
  );
}

const describedBy = (p: FieldProps) => [p.hint ? `${p.id}-hint` : "", p.error ? `${p.id}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextArea(p: FieldProps & { rows?: number }) {
  return (
    <FieldShell {...p}>
      <textarea id={p.id} name={p.name} rows={p.rows ?? 3} required={p.required} aria-describedby={describedBy(p)} aria-invalid={p.error ? "true" : undefined}>
        {p.value ?? ""}
      </textarea>
    </FieldShell>
  );
}

export function Input(p: FieldProps & { type?: "text" | "number" | "date" | "file"; inputmode?: "numeric" | "decimal"; accept?: string }) {
  return (
    <FieldShell {...p}>
      <input
        type={p.type ?? "text"}
        id={p.id}
        name={p.name}
        value={p.type === "file" ? undefined : (p.value ?? "")}
        accept={p.accept}
        inputmode={p.inputmode}
        required={p.required}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? "true" : undefined}
      />
    </FieldShell>
  );
}

export function Select(p: FieldProps & { options: Array<{ value: string; label: string }> }) {
  return (
    <FieldShell {...p}>
      <select id={p.id} name={p.name} required={p.required} aria-describedby={describedBy(p)} aria-invalid={p.error ? "true" : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={p.value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Radios in a fieldset; the first radio carries the id the error summary links to. */
export function Radios(p: Omit<FieldProps, "required"> & { options: Array<{ value: string; label: string }> }) {
  return (
    <div class={p.error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(p as FieldProps)}>
        <legend>{p.label}</legend>
        {p.hint && <span class="hint" id={`${p.id}-hint`}>{p.hint}</span>}
        {p.error && (
          <span class="error-message" id={`${p.id}-error`}>
            <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(p.error, p.t, p.label)}
          </span>
        )}
        {p.options.map((o, i) => (
          <div class="checkbox">
            <input type="radio" id={i === 0 ? p.id : `${p.id}-${i}`} name={p.name} value={o.value} checked={p.value === o.value} />
            <label for={i === 0 ? p.id : `${p.id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export const errorOf = (errors: FieldError[], name: string) => errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));
