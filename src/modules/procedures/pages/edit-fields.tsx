// The office edit form's list tables (documents, form fields, steps, fees): rows of inputs the shared components do not cover.
import type { FieldError } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { ErrorText as SharedErrorText, fieldId, type FormState } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { type ListName, LISTS } from "./definition-form.ts";

/** The shared error text, for a field that may have none. */
function MaybeError(p: { t: Translate; id: string; error: FieldError | undefined; label: string }) {
  return p.error ? <SharedErrorText t={p.t} id={p.id} err={p.error} label={p.label} /> : null;
}
export { MaybeError as ErrorText };

export function ListTable(props: { t: Translate; form: FormState; list: ListName; rows: number }) {
  const { t, form, list } = props;
  const spec = LISTS[list];
  const listErr = form.errors.find((e) => e.field === list);
  return (
    <section aria-labelledby={fieldId(list)}>
      <h2 id={fieldId(list)} tabindex={-1}>
        {t(spec.title)}
      </h2>
      <MaybeError t={t} id={fieldId(list)} error={listErr} label={t(spec.title)} />
      <DataTable
        caption={t(spec.title)}
        id={`${fieldId(list)}-table`}
        rows={Array.from({ length: props.rows }, (_, i) => i)}
        columns={[
          { header: "#", num: true, cell: (i) => i + 1 },
          ...spec.cols.map(
            (c): Column<number> => ({
              header: t(c.label),
              cell: (i) => {
                const name = `${list}.${i}.${c.name}`;
                const value = form.values[name] ?? "";
                const err = form.errors.find((e) => e.field === name || e.field.startsWith(`${name}.`));
                const id = err ? fieldId(name) : undefined;
                const aria = `${t(c.label)}, ${t("procedures.row", { n: i + 1 })}`;
                const common = {
                  id,
                  name,
                  "aria-label": aria,
                  "aria-invalid": err ? "true" : undefined,
                  "aria-describedby": err ? `${fieldId(name)}-error` : undefined,
                };
                return (
                  <>
                    <MaybeError t={t} id={fieldId(name)} error={err} label={aria} />
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
                  </>
                );
              },
            }),
          ),
        ]}
      />
    </section>
  );
}
