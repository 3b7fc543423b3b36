// Accessible building blocks in the spirit of the GOV.UK Design System; all work without JavaScript.
import type { Child } from "hono/jsx";
import { type FieldError, localizeField } from "../http/app-error.ts";
import type { Translate } from "../i18n/i18n.ts";
import { CSRF_FIELD } from "../http/csrf.ts";

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

function errorFor(form: FormState, name: string) {
  return form.errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));
}

export function TextField(p: InputProps) {
  const id = fieldId(p.name);
  const err = errorFor(p.form, p.name);
  const described = [p.hint ? `${id}-hint` : "", err ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      {p.hint && <span class="hint" id={`${id}-hint`}>{p.hint}</span>}
      {err && (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(err, p.t, p.label)}
        </span>
      )}
      <input
        type={p.type ?? "text"}
        id={id}
        name={p.name}
        value={p.type === "password" ? "" : (p.form.values[p.name] ?? "")}
        autocomplete={p.autocomplete}
        required={p.required}
        inputmode={p.inputmode}
        aria-describedby={described}
        aria-invalid={err ? "true" : undefined}
        spellcheck={p.type === "email" || p.type === "password" ? false : undefined}
      />
    </div>
  );
}

export function SelectField(p: Omit<InputProps, "type" | "autocomplete" | "inputmode"> & { options: { value: string; label: string }[] }) {
  const id = fieldId(p.name);
  const err = errorFor(p.form, p.name);
  const described = [p.hint ? `${id}-hint` : "", err ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      {p.hint && <span class="hint" id={`${id}-hint`}>{p.hint}</span>}
      {err && (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(err, p.t, p.label)}
        </span>
      )}
      <select id={id} name={p.name} required={p.required} aria-describedby={described} aria-invalid={err ? "true" : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={p.form.values[p.name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
