// The fields of one resident, used by the new-household form (head and members), the add-member form and the
// resident's edit form. Names carry a prefix so that one page can hold several people or several forms.
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { ErrorText, errorOf, Field, fieldId, type FormState, SelectField } from "../../../platform/views/components.tsx";
import { RESIDENT_FLAGS } from "../registry.contract.ts";
import { flagLabel, relationOptions } from "./registry-web.ts";

export function residentLabels(t: Translate, prefix = ""): Record<string, string> {
  const l = (k: string, key: Parameters<Translate>[0]) => [`${prefix}${k}`, t(key)] as const;
  return Object.fromEntries([
    l("fullName", "registry.field.fullName"),
    l("birthDate", "registry.field.birthDate"),
    l("birthYear", "registry.field.birthYear"),
    l("sex", "registry.field.sex"),
    l("phone", "registry.field.phone"),
    l("citizenIdNumber", "registry.field.citizenIdNumber"),
    l("ethnicity", "registry.field.ethnicity"),
    l("language", "registry.field.language"),
    l("flags", "registry.field.flags"),
    l("relationToHead", "registry.field.relationToHead"),
    l("version", "registry.field.version"),
  ]);
}

export function ResidentFields(p: { t: Translate; form: FormState; prefix: string; relation?: boolean }) {
  const { t, form, prefix } = p;
  const n = (f: string) => `${prefix}${f}`;
  const flagsId = fieldId(n("flags"));
  const flagErr = errorOf(form.errors, n("flags"));
  const chosen = new Set((form.values[n("flags")] ?? "").split(",").filter(Boolean));
  return (
    <>
      <Field t={t} form={form} name={n("fullName")} label={t("registry.field.fullName")} autocomplete="off" />
      {p.relation && <SelectField t={t} form={form} name={n("relationToHead")} label={t("registry.field.relationToHead")} options={relationOptions(t)} />}
      <Field t={t} form={form} name={n("birthDate")} label={t("registry.field.birthDate")} kind="date" />
      <Field t={t} form={form} name={n("birthYear")} label={t("registry.field.birthYear")} hint={t("registry.field.birthYearHint")} kind="decimal" />
      <SelectField
        t={t}
        form={form}
        name={n("sex")}
        label={t("registry.field.sex")}
        placeholder={t("registry.sex.unknown")}
        options={[
          { value: "male", label: t("registry.sex.male") },
          { value: "female", label: t("registry.sex.female") },
        ]}
      />
      <Field t={t} form={form} name={n("phone")} label={t("registry.field.phone")} kind="tel" autocomplete="off" />
      <Field t={t} form={form} name={n("citizenIdNumber")} label={t("registry.field.citizenIdNumber")} kind="numericId" autocomplete="off" />
      <Field t={t} form={form} name={n("ethnicity")} label={t("registry.field.ethnicity")} />
      <Field t={t} form={form} name={n("language")} label={t("registry.field.language")} />
      <div class={flagErr ? "field field--error" : "field"}>
        <fieldset>
          <legend>{t("registry.field.flags")}</legend>
          {flagErr && <ErrorText t={t} id={flagsId} err={flagErr} label={t("registry.field.flags")} />}
          {RESIDENT_FLAGS.map((f, i) => (
            <div class="checkbox">
              <input type="checkbox" id={i === 0 ? flagsId : `${flagsId}-${i}`} name={n("flags")} value={f} checked={chosen.has(f)} />
              <label for={i === 0 ? flagsId : `${flagsId}-${i}`}>{flagLabel(t, f)}</label>
            </div>
          ))}
        </fieldset>
      </div>
    </>
  );
}
