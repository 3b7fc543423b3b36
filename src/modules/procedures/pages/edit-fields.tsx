// Fields of the office edit form that the shared components do not cover: a text area and the list tables.
import type { FieldError } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { fieldId, type FormState } from "../../../platform/views/components.tsx";
import { type ListName, LISTS } from "./definition-form.ts";

export function ErrorText(props: { t: Translate; id: string; error: FieldError | undefined; label: string }) {
  if (!props.error) return null;
  return (
    <span class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">{props.t("form.errorPrefix")}</span> {props.t(props.error.message, { field: props.label, ...props.error.params })}
    </span>
  );
}

export const errorOf = (form: FormState, name: string) => form.errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));

export function TextArea(p: { t: Translate; form: FormState; name: string; label: string; rows?: number }) {
  const id = fieldId(p.name);
  const err = errorOf(p.form, p.name);
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      <ErrorText t={p.t} id={id} error={err} label={p.label} />
      <textarea id={id} name={p.name} rows={p.rows ?? 3} aria-describedby={err ? `${id}-error` : undefined} aria-invalid={err ? "true" : undefined}>
        {p.form.values[p.name] ?? ""}
      </textarea>
    </div>
  );
}

export function ListTable(props: { t: Translate; form: FormState; list: ListName; rows: number }) {
  const { t, form, list } = props;
  const spec = LISTS[list];
  const listErr = form.errors.find((e) => e.field === list);
  return (
    <section aria-labelledby={fieldId(list)}>
      <h2 id={fieldId(list)} tabindex={-1}>
        {t(spec.title)}
      </h2>
      <ErrorText t={t} id={fieldId(list)} error={listErr} label={t(spec.title)} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              {spec.cols.map((c) => (
                <th scope="col">{t(c.label)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: props.rows }, (_, i) => (
              <tr>
                <td>{i + 1}</td>
                {spec.cols.map((c) => {
                  const name = `${list}.${i}.${c.name}`;
                  const value = form.values[name] ?? "";
                  const err = form.errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));
                  const id = err ? fieldId(name) : undefined;
                  const aria = `${t(c.label)}, ${t("procedures.row", { n: i + 1 })}`;
                  const common = { id, name, "aria-label": aria, "aria-invalid": err ? "true" : undefined, "aria-describedby": err ? `${fieldId(name)}-error` : undefined };
                  return (
                    <td>
                      <ErrorText t={t} id={fieldId(name)} error={err} label={aria} />
                      {c.kind === "check" ? (
                        <input type="checkbox" value="true" checked={value === "true"} {...common} />
                      ) : c.kind === "select" ? (
                        <select {...common}>
                          {c.options!(t).map((o) => (
                            <option value={o.value} selected={value === o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input type="text" value={value} inputmode={c.kind === "number" ? "decimal" : undefined} {...common} />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
