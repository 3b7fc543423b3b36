// Accessible building blocks in the spirit of the GOV.UK Design System; all work without JavaScript.
import type { Child } from "hono/jsx";
import { type FieldError, localizeField } from "../http/app-error.ts";
import type { Translate } from "../i18n/i18n.ts";
import { CSRF_FIELD } from "../http/csrf.ts";
import { DAY_PATTERN, DAY_PLACEHOLDER, dayInputValue } from "../text/day-input.ts";

export type FormState = { values: Record<string, string>; errors: FieldError[] };
export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: [] });

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/** The visible label of each form field by its name, so that messages name the field as the person sees it. */
export type FieldLabels = Record<string, string>;

const labelFor = (labels: FieldLabels | undefined, field: string) => labels?.[field] ?? labels?.[field.split(".")[0] ?? field];

/**
 * Errors in the order of the fields on the form (the summary is read top to bottom, as the form is): `order`
 * lists field names top to bottom; an entry also ranks the fields under it (`applicant` ranks `applicant.phone`).
 * Errors on fields it does not list keep their order, after the others.
 */
export function inFieldOrder(errors: readonly FieldError[], order: readonly string[]): FieldError[] {
  const rank = (field: string) => {
    const i = order.findIndex((name) => field === name || field.startsWith(`${name}.`));
    return i < 0 ? order.length : i;
  };
  return errors
    .map((e, i) => ({ e, i, r: rank(e.field) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/**
 * Listed first on the page, each error linking to its field (GOV.UK error summary). It takes the focus
 * when the page loads (autofocus, so no JavaScript is needed) and is announced as an alert.
 */
export function ErrorSummary(props: { t: Translate; errors: FieldError[]; labels?: FieldLabels }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.t("form.errorSummary")}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{localizeField(e, props.t, labelFor(props.labels, e.field))}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type InputProps = {
  t: Translate;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "password" | "email" | "tel" | "search" | "number";
  autocomplete?: string;
  required?: boolean;
  inputmode?: "numeric" | "tel" | "email" | "text";
};

/** The error of a field, or of any field inside it (`applicant` finds `applicant.phone`). */
export const errorOf = (errors: FieldError[], name: string) => errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));

export function ErrorText(p: { t: Translate; id: string; err: FieldError; label: string }) {
  return (
    <span class="error-message" id={`${p.id}-error`}>
      <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(p.err, p.t, p.label)}
    </span>
  );
}

const describedBy = (id: string, hint: unknown, err: unknown) => [hint ? `${id}-hint` : "", err ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextField(p: InputProps) {
  const id = fieldId(p.name);
  const err = errorOf(p.form.errors, p.name);
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <span class="hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      )}
      {err && <ErrorText t={p.t} id={id} err={err} label={p.label} />}
      <input
        type={p.type ?? "text"}
        id={id}
        name={p.name}
        value={p.type === "password" ? "" : (p.form.values[p.name] ?? "")}
        autocomplete={p.autocomplete}
        required={p.required}
        inputmode={p.inputmode}
        aria-describedby={describedBy(id, p.hint, err)}
        aria-invalid={err ? "true" : undefined}
        spellcheck={p.type === "email" || p.type === "password" ? false : undefined}
      />
    </div>
  );
}

type Option = { value: string; label: string };

/** A select; `groups` become optgroups, `placeholder` an empty first choice, `id` overrides the one made from the name. */
export function SelectField(
  p: Omit<InputProps, "type" | "autocomplete" | "inputmode"> & {
    options: Option[];
    groups?: { label: string; options: Option[] }[];
    placeholder?: string;
    id?: string;
  },
) {
  const id = p.id ?? fieldId(p.name);
  const err = errorOf(p.form.errors, p.name);
  const current = p.form.values[p.name] ?? "";
  const option = (o: Option) => (
    <option value={o.value} selected={current === o.value}>
      {o.label}
    </option>
  );
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <span class="hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      )}
      {err && <ErrorText t={p.t} id={id} err={err} label={p.label} />}
      <select id={id} name={p.name} required={p.required} aria-describedby={describedBy(id, p.hint, err)} aria-invalid={err ? "true" : undefined}>
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map(option)}
        {p.groups?.map((g) => (
          <optgroup label={g.label}>{g.options.map(option)}</optgroup>
        ))}
      </select>
    </div>
  );
}

export type ControlKind = "text" | "date" | "tel" | "email" | "decimal" | "numericId" | "textarea" | "file";

/**
 * One labelled control with its hint and its error. `errorName` is the name the use case reports errors
 * under when it differs from the control's name (file inputs: `doc.x` is reported as `documents.x`); `id`
 * overrides the id made from it (pages carrying several forms keep ids apart).
 */
export function Field(p: {
  t: Translate;
  form: FormState;
  name: string;
  errorName?: string;
  id?: string;
  label: string;
  hint?: string;
  kind?: ControlKind;
  required?: boolean;
  autocomplete?: string;
  rows?: number;
  accept?: string;
}) {
  const errorName = p.errorName ?? p.name;
  const id = p.id ?? fieldId(errorName);
  const err = errorOf(p.form.errors, errorName);
  const kind = p.kind ?? "text";
  const value = p.form.values[p.name] ?? "";
  // A date is typed as dd/mm/yyyy: <input type="date"> would show the browser's locale format instead.
  const hint = kind === "date" ? (p.hint ?? p.t("form.dateHint")) : p.hint;
  const common = {
    id,
    name: p.name,
    required: p.required,
    autocomplete: p.autocomplete,
    "aria-describedby": describedBy(id, hint, err),
    "aria-invalid": err ? ("true" as const) : undefined,
  };
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {err && <ErrorText t={p.t} id={id} err={err} label={p.label} />}
      {kind === "textarea" ? (
        <textarea {...common} rows={p.rows ?? 3}>
          {value}
        </textarea>
      ) : kind === "file" ? (
        <input {...common} type="file" accept={p.accept} />
      ) : kind === "date" ? (
        <input
          {...common}
          type="text"
          class="input--date"
          value={dayInputValue(value)}
          inputmode="numeric"
          pattern={DAY_PATTERN}
          placeholder={DAY_PLACEHOLDER}
          spellcheck={false}
        />
      ) : (
        <input
          {...common}
          type={kind === "decimal" || kind === "numericId" ? "text" : kind}
          value={value}
          inputmode={kind === "decimal" ? "decimal" : kind === "numericId" ? "numeric" : undefined}
          spellcheck={kind === "email" || kind === "numericId" || kind === "tel" ? false : undefined}
        />
      )}
    </div>
  );
}

/** Radios in a fieldset whose legend is the question; the first radio carries the id the error summary links to. */
export function RadioGroup(p: {
  t: Translate;
  form: FormState;
  name: string;
  errorName?: string;
  id?: string;
  legend: string;
  hint?: string;
  options: Option[];
  required?: boolean;
}) {
  const errorName = p.errorName ?? p.name;
  const id = p.id ?? fieldId(errorName);
  const err = errorOf(p.form.errors, errorName);
  const current = p.form.values[p.name] ?? "";
  return (
    <div class={err ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(id, p.hint, err)}>
        <legend>{p.legend}</legend>
        {p.hint && (
          <span class="hint" id={`${id}-hint`}>
            {p.hint}
          </span>
        )}
        {err && <ErrorText t={p.t} id={id} err={err} label={p.legend} />}
        {p.options.map((o, i) => (
          <div class="checkbox">
            <input type="radio" id={i === 0 ? id : `${id}-${i}`} name={p.name} value={o.value} checked={current === o.value} required={p.required} />
            <label for={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** A group of checkboxes in a fieldset; the first box carries the id the error summary links to. */
export function CheckboxGroup(p: {
  t: Translate;
  errors: FieldError[];
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string; disabled?: boolean }[];
  checked: readonly string[];
}) {
  const id = fieldId(p.name);
  const err = errorOf(p.errors, p.name);
  return (
    <div class={err ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(id, p.hint, err)}>
        <legend>{p.legend}</legend>
        {p.hint && (
          <span class="hint" id={`${id}-hint`}>
            {p.hint}
          </span>
        )}
        {err && <ErrorText t={p.t} id={id} err={err} label={p.legend} />}
        {p.options.map((o, i) => (
          <div class="checkbox">
            <input
              type="checkbox"
              id={i === 0 ? id : `${id}-${i}`}
              name={p.name}
              value={o.value}
              checked={p.checked.includes(o.value) || o.disabled}
              disabled={o.disabled}
            />
            <label for={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Button(props: { children: Child; variant?: "secondary" | "warning"; name?: string; value?: string }) {
  return (
    <button type="submit" class={props.variant ? `button button--${props.variant}` : "button"} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}

/** A one-button form for an action on a table row; the hidden label says which row it acts on. */
export function PostButton(props: { action: string; csrfToken: string; label: string; rowLabel: string; fields?: Record<string, string> }) {
  return (
    <form class="inline-form" method="post" action={props.action}>
      <CsrfField token={props.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="link-button">
        {props.label} <span class="visually-hidden">{props.rowLabel}</span>
      </button>
    </form>
  );
}

export type Crumb = { href?: string; label: string };
export function Breadcrumbs(props: { t: Translate; items: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={props.t("nav.breadcrumbs")}>
      <ol>
        {props.items.map((c, i) => (
          <li>{c.href && i < props.items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function Tag(props: { children: Child; tone?: "green" | "red" | "grey" }) {
  return <strong class={props.tone ? `tag tag--${props.tone}` : "tag"}>{props.children}</strong>;
}

/** Keyset pagination: "next" carries the cursor; "first" returns to the start. */
export function Pagination(props: { t: Translate; basePath: string; params: Record<string, string | undefined>; nextCursor: string | null; isFirst: boolean }) {
  const link = (cursor?: string) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(props.params)) if (v) qs.set(k, v);
    if (cursor) qs.set("cursor", cursor);
    const s = qs.toString();
    return s ? `${props.basePath}?${s}` : props.basePath;
  };
  if (!props.nextCursor && props.isFirst) return null;
  return (
    <nav aria-label={props.t("nav.pagination")}>
      <ul class="pagination">
        {!props.isFirst && (
          <li>
            <a href={link()}>« {props.t("nav.firstPage")}</a>
          </li>
        )}
        {props.nextCursor && (
          <li>
            <a href={link(props.nextCursor)} rel="next">
              {props.t("nav.nextPage")} »
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function SummaryList(props: { rows: [string, Child][] }) {
  return (
    <dl class="summary">
      {props.rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
