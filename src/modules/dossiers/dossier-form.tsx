// The application form's building blocks, shared by the citizen's form and the desk's walk-in intake:
// a procedure's typed fields, the applicant, and the documents. Plain HTML controls, no JavaScript.
import type { FieldError } from "../../platform/http/app-error.ts";
import type { MessageKey, Translate } from "../../platform/i18n/i18n.ts";
import { ErrorText, errorOf, Field, type FieldLabels, fieldId, type FormState, RadioGroup, SelectField as Select } from "../../platform/views/components.tsx";
import type { FormField, ProcedureDefinition } from "../procedures/index.ts";

/** A document the procedure asks for: its listed documents and its `file` form fields, one shape. */
export type DocumentSlot = {
  key: string;
  name: string;
  copies: number;
  form: ProcedureDefinition["documents"][number]["form"];
  required: boolean;
  fromVault: boolean;
  note?: string;
};
export type VaultOption = { id: string; title: string };
/** A file already on the dossier (a draft's upload); href when the viewer may download it. */
export type AttachedDocument = { requirementKey: string; name: string; href?: string };

export const ACCEPT_UPLOADS = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

export function documentSlots(def: Pick<ProcedureDefinition, "documents" | "form">): DocumentSlot[] {
  return [
    ...def.documents.map((d) => ({ key: d.key, name: d.name, copies: d.copies, form: d.form, required: d.required, fromVault: d.fromVault, note: d.note })),
    ...def.form
      .filter((f) => f.type === "file")
      .map((f) => ({ key: f.key, name: f.label, copies: 1, form: "copy" as const, required: f.required, fromVault: false, note: f.help })),
  ];
}

/** Error field names as the use cases report them, with each field's visible label, for the error summary. */
export function dossierFieldLabels(t: Translate, def: Pick<ProcedureDefinition, "documents" | "form">): FieldLabels {
  const labels: FieldLabels = {
    communeCode: t("dossiers.citizen.commune"),
    procedureCode: t("dossiers.citizen.procedure"),
    "delivery.method": t("dossiers.citizen.deliveryMethod"),
    "delivery.address": t("dossiers.citizen.deliveryAddress"),
    documents: t("dossiers.citizen.documents"),
  };
  for (const k of APPLICANT_KEYS) labels[`applicant.${k}`] = t(`dossiers.citizen.applicant.${k}`);
  labels["applicant.type"] = t("dossiers.citizen.applicant.type");
  labels["applicant.organisation"] = t("dossiers.citizen.applicant.organisation");
  labels["applicant.organisation.name"] = t("dossiers.citizen.applicant.orgName");
  labels["applicant.organisation.taxCode"] = t("dossiers.citizen.applicant.taxCode");
  labels["applicant.organisation.representative"] = t("dossiers.citizen.applicant.representative");
  for (const f of def.form) {
    if (f.type === "person") for (const k of PERSON_KEYS) labels[`form.${f.key}.${k}`] = `${f.label}: ${t(`dossiers.citizen.person.${k}`)}`;
    else labels[`form.${f.key}`] = f.label;
  }
  for (const d of documentSlots(def)) labels[`documents.${d.key}`] = d.name;
  return labels;
}

const APPLICANT_KEYS = ["fullName", "birthDate", "sex", "citizenIdNumber", "address", "phone", "email"] as const;
const PERSON_KEYS = ["fullName", "birthDate", "citizenIdNumber"] as const;

/** The parts of a dossier form, as a page lays them out top to bottom. */
export type FormSection = "procedureCode" | "communeCode" | "channel" | "consent" | "applicant" | "form" | "documents" | "delivery";

/** Every field name of the form in the order the page shows them, for the error summary (inFieldOrder). */
export function dossierFieldOrder(def: Pick<ProcedureDefinition, "documents" | "form">, sections: readonly FormSection[]): string[] {
  const out: string[] = [];
  for (const section of sections) {
    if (section === "consent") out.push("assistedConsent.method", "assistedConsent.note", "assistedConsent.photo", "assistedConsent");
    else if (section === "applicant") out.push(...APPLICANT_KEYS.map((k) => `applicant.${k}`), "applicant");
    else if (section === "form")
      for (const f of def.form) {
        if (f.type === "file") continue; // asked for with the documents
        if (f.type === "person") out.push(...PERSON_KEYS.map((k) => `form.${f.key}.${k}`));
        out.push(`form.${f.key}`);
      }
    else if (section === "documents") out.push(...documentSlots(def).map((d) => `documents.${d.key}`), "documents");
    else if (section === "delivery") out.push("delivery.method", "delivery.address", "delivery");
    else out.push(section);
  }
  return out;
}

/** The form's day fields, typed as dd/mm/yyyy: the applicant's birth date, date fields, and people's birth dates. */
export function dossierDateFields(def: Pick<ProcedureDefinition, "form">): string[] {
  return ["applicant.birthDate", ...def.form.flatMap((f) => (f.type === "date" ? [`form.${f.key}`] : f.type === "person" ? [`form.${f.key}.birthDate`] : []))];
}

/** Applicant details a required field of the procedure's form is filled from: not optional on this form. */
export function applicantKeysRequired(def: Pick<ProcedureDefinition, "form">): Set<string> {
  return new Set(def.form.flatMap((f) => (f.prefill && f.required ? [f.prefill] : [])));
}

/**
 * Fields that repeat the applicant's details are not on the page (hidePrefilled): their errors are shown on the
 * applicant field they are filled from, so the form keeps its shape after a failed submit.
 */
export function foldPrefilledErrors(def: Pick<ProcedureDefinition, "form">, errors: readonly FieldError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const f = def.form.find((x) => x.prefill && (e.field === `form.${x.key}` || e.field.startsWith(`form.${x.key}.`)));
    const moved = f?.prefill ? { ...e, field: `applicant.${f.prefill}` } : e;
    if (!out.some((o) => o.field === moved.field)) out.push(moved);
  }
  return out;
}

const describedBy = (id: string, hint: unknown, err: unknown) => [hint ? `${id}-hint` : "", err ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
const optionalSuffix = (t: Translate, required: boolean) => (required ? "" : ` ${t("dossiers.citizen.optional")}`);

// The controls are the shared ones; the dossier pages import them from here as before.
export { Field, RadioGroup, SelectField as Select } from "../../platform/views/components.tsx";

function FormFieldControl(p: { t: Translate; form: FormState; field: FormField; prefillHint?: string }) {
  const { t, form } = p;
  // A field the applicant's own details answer says so, unless the procedure gives its own help.
  const f = p.prefillHint && p.field.prefill && !p.field.help ? { ...p.field, help: p.prefillHint } : p.field;
  const name = `form.${f.key}`;
  const label = `${f.label}${optionalSuffix(t, f.required)}`;
  switch (f.type) {
    case "person":
      return (
        <fieldset class="field">
          <legend>{label}</legend>
          {f.help && <span class="hint">{f.help}</span>}
          <Field t={t} form={form} name={`${name}.fullName`} label={t("dossiers.citizen.person.fullName")} autocomplete="off" />
          <Field
            t={t}
            form={form}
            name={`${name}.birthDate`}
            label={`${t("dossiers.citizen.person.birthDate")}${optionalSuffix(t, false)}`}
            hint={t("dossiers.citizen.dateHint")}
            kind="date"
            autocomplete="off"
          />
          <Field
            t={t}
            form={form}
            name={`${name}.citizenIdNumber`}
            label={`${t("dossiers.citizen.person.citizenIdNumber")}${optionalSuffix(t, false)}`}
            hint={t("dossiers.citizen.idHint")}
            kind="numericId"
            autocomplete="off"
          />
        </fieldset>
      );
    case "choice": {
      const options = f.options ?? [];
      return options.length <= 4 ? (
        <RadioGroup t={t} form={form} name={name} legend={label} hint={f.help} options={options} />
      ) : (
        <Select t={t} form={form} name={name} label={label} hint={f.help} options={options} placeholder={t("dossiers.citizen.choose")} />
      );
    }
    case "date":
      return (
        <Field
          t={t}
          form={form}
          name={name}
          label={label}
          hint={f.help ? `${f.help} ${t("dossiers.citizen.dateHint")}` : t("dossiers.citizen.dateHint")}
          kind="date"
        />
      );
    case "idNumber":
      return <Field t={t} form={form} name={name} label={label} hint={f.help ?? t("dossiers.citizen.idHint")} kind="numericId" autocomplete="off" />;
    case "phone":
      return <Field t={t} form={form} name={name} label={label} hint={f.help} kind="tel" autocomplete={f.prefill === "phone" ? "tel" : "off"} />;
    case "number":
      return <Field t={t} form={form} name={name} label={label} hint={f.help} kind="decimal" />;
    case "longText":
      return <Field t={t} form={form} name={name} label={label} hint={f.help} kind="textarea" rows={5} />;
    case "address":
      return (
        <Field
          t={t}
          form={form}
          name={name}
          label={label}
          hint={f.help}
          kind="textarea"
          rows={2}
          autocomplete={f.prefill === "address" ? "street-address" : "off"}
        />
      );
    case "file":
      return null; // asked for with the documents
    default:
      return <Field t={t} form={form} name={name} label={label} hint={f.help} autocomplete={f.prefill === "fullName" ? "name" : undefined} />;
  }
}

/**
 * The procedure's own fields, named `form.<key>` (person fields `form.<key>.fullName|birthDate|citizenIdNumber`).
 * `prefillHint` is shown on fields that repeat the applicant's details, which filing fills from the applicant section.
 */
export function DossierFormFields(props: { t: Translate; form: FormState; fields: readonly FormField[]; prefillHint?: string; hidePrefilled?: boolean }) {
  // Entered once: fields that repeat the applicant's details are filled from the applicant section, so they are
  // never shown (their errors are shown on the applicant's field: foldPrefilledErrors), and the form keeps its shape.
  const shown = props.hidePrefilled ? props.fields.filter((f) => !f.prefill) : props.fields;
  return (
    <>
      {shown.map((f) => (
        <FormFieldControl t={props.t} form={props.form} field={f} prefillHint={props.prefillHint} />
      ))}
    </>
  );
}

/**
 * Who applies, named `applicant.*`; a phone or an ID number is needed for the status look-up and the SMS, so
 * neither is marked optional. `required`: details the procedure's form needs (applicantKeysRequired).
 */
export function ApplicantFields(props: { t: Translate; form: FormState; self?: boolean; required?: ReadonlySet<string> }) {
  const { t, form } = props;
  const need = (key: string) => props.required?.has(key) ?? false;
  // The citizen's own details may come from the browser; a desk officer typing a walk-in's must not get theirs.
  const auto = (token: string) => (props.self === false ? "off" : token);
  return (
    <>
      <Field t={t} form={form} name="applicant.fullName" label={t("dossiers.citizen.applicant.fullName")} autocomplete={auto("name")} required />
      <Field
        t={t}
        form={form}
        name="applicant.birthDate"
        label={`${t("dossiers.citizen.applicant.birthDate")}${optionalSuffix(t, need("birthDate"))}`}
        hint={t("dossiers.citizen.dateHint")}
        kind="date"
        autocomplete={auto("bday")}
      />
      <Select
        t={t}
        form={form}
        name="applicant.sex"
        label={`${t("dossiers.citizen.applicant.sex")}${optionalSuffix(t, false)}`}
        options={[
          { value: "", label: t("dossiers.citizen.sexUnset") },
          { value: "male", label: t("dossiers.citizen.sex.male") },
          { value: "female", label: t("dossiers.citizen.sex.female") },
        ]}
      />
      <Field
        t={t}
        form={form}
        name="applicant.citizenIdNumber"
        label={t("dossiers.citizen.applicant.citizenIdNumber")}
        hint={`${t("dossiers.citizen.idHint")} ${t("dossiers.citizen.phoneHint")}`}
        kind="numericId"
        autocomplete="off"
      />
      <Field
        t={t}
        form={form}
        name="applicant.address"
        label={`${t("dossiers.citizen.applicant.address")}${optionalSuffix(t, need("address"))}`}
        kind="textarea"
        rows={2}
        autocomplete={auto("street-address")}
      />
      <Field
        t={t}
        form={form}
        name="applicant.phone"
        label={t("dossiers.citizen.applicant.phone")}
        hint={t("dossiers.citizen.phoneHint")}
        kind="tel"
        autocomplete={auto("tel")}
      />
      <Field
        t={t}
        form={form}
        name="applicant.email"
        label={`${t("dossiers.citizen.applicant.email")}${optionalSuffix(t, need("email"))}`}
        kind="email"
        autocomplete={auto("email")}
      />
    </>
  );
}

/**
 * One fieldset per document: what is asked for, what is already attached, a file input `doc.<key>`, and
 * when the procedure allows it and there are items, a choice `vault.<key>` from the person's vault.
 */
export function DocumentInputs(props: {
  t: Translate;
  form: FormState;
  slots: readonly DocumentSlot[];
  attached?: readonly AttachedDocument[];
  vault?: readonly VaultOption[];
  uploadHint: string;
  /** At the desk: documents that may be marked "original seen" instead of scanned (checkbox `seen.<key>`). */
  originalSeenKeys?: ReadonlySet<string>;
}) {
  const { t, form } = props;
  return (
    <>
      {props.slots.map((d) => {
        const errorName = `documents.${d.key}`;
        const id = fieldId(errorName);
        const err = errorOf(form.errors, errorName);
        const attached = (props.attached ?? []).filter((a) => a.requirementKey === d.key);
        const vault = d.fromVault ? (props.vault ?? []) : [];
        const facts = [
          t(`procedures.documentForm.${d.form}` as MessageKey),
          d.copies > 1 ? t("dossiers.citizen.copies", { n: d.copies }) : null,
          d.note ?? null,
        ]
          .filter(Boolean)
          .join(". ");
        const vaultName = `vault.${d.key}`;
        return (
          <div class={err ? "field field--error" : "field"}>
            <fieldset aria-describedby={describedBy(id, true, err)}>
              <legend>{`${d.name}${optionalSuffix(t, d.required)}`}</legend>
              <span class="hint" id={`${id}-hint`}>
                {facts}
              </span>
              {err && <ErrorText t={t} id={id} err={err} label={d.name} />}
              {attached.length > 0 && (
                <p>
                  {t("dossiers.citizen.attached")}{" "}
                  {attached.map((a, i) => (
                    <>
                      {i > 0 && ", "}
                      {a.href ? <a href={a.href}>{a.name}</a> : <strong>{a.name}</strong>}
                    </>
                  ))}
                </p>
              )}
              <div class="field">
                <label for={id}>{attached.length > 0 ? t("dossiers.citizen.replaceFile") : t("dossiers.citizen.uploadFile")}</label>
                <span class="hint" id={`${id}-file-hint`}>
                  {props.uploadHint}
                </span>
                <input
                  type="file"
                  id={id}
                  name={`doc.${d.key}`}
                  accept={ACCEPT_UPLOADS}
                  aria-describedby={`${id}-file-hint`}
                  aria-invalid={err ? "true" : undefined}
                />
              </div>
              {props.originalSeenKeys?.has(d.key) && (
                <div class="checkbox">
                  <input type="checkbox" id={`${id}-seen`} name={`seen.${d.key}`} value="1" checked={form.values[`seen.${d.key}`] === "1"} />
                  <label for={`${id}-seen`}>{t("dossiers.citizen.originalSeen")}</label>
                </div>
              )}
              {vault.length > 0 && (
                <div class="field">
                  <label for={fieldId(vaultName)}>{t("dossiers.citizen.fromVault")}</label>
                  <select id={fieldId(vaultName)} name={vaultName}>
                    <option value="">{t("dossiers.citizen.fromVaultNone")}</option>
                    {vault.map((v) => (
                      <option value={v.id} selected={form.values[vaultName] === v.id}>
                        {v.title}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </fieldset>
          </div>
        );
      })}
    </>
  );
}

/** Delivery choice among the procedure's methods, with the postal address shown under the radios. */
export function DeliveryFields(props: { t: Translate; form: FormState; methods: readonly ("desk" | "post" | "online")[] }) {
  const { t, form } = props;
  return (
    <>
      <RadioGroup
        t={t}
        form={form}
        name="delivery.method"
        legend={t("dossiers.citizen.deliveryMethod")}
        options={props.methods.map((m) => ({ value: m, label: t(`dossiers.delivery.${m}`) }))}
      />
      {props.methods.includes("post") && (
        <Field
          t={t}
          form={form}
          name="delivery.address"
          label={t("dossiers.citizen.deliveryAddress")}
          hint={t("dossiers.citizen.deliveryAddressHint")}
          kind="textarea"
          rows={2}
          autocomplete="street-address"
        />
      )}
    </>
  );
}

// --- values -------------------------------------------------------------------------------------

const s = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** A stored dossier (or a profile) back into the flat names the controls use. */
export function flattenDossierValues(input: {
  applicant?: Record<string, unknown> | null;
  formData?: Record<string, unknown> | null;
  delivery?: Record<string, unknown> | null;
  communeCode?: string | null;
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.applicant ?? {})) {
    if (s(v)) out[`applicant.${k}`] = s(v);
    // An applying organisation's fields (name, tax code, representative).
    else if (k === "organisation" && v && typeof v === "object")
      for (const [sub, sv] of Object.entries(v)) if (s(sv)) out[`applicant.organisation.${sub}`] = s(sv);
  }
  for (const [k, v] of Object.entries(input.formData ?? {})) {
    if (v && typeof v === "object")
      for (const [sub, sv] of Object.entries(v)) {
        if (s(sv)) out[`form.${k}.${sub}`] = s(sv);
      }
    else if (s(v)) out[`form.${k}`] = s(v);
  }
  if (input.delivery) {
    if (s(input.delivery.method)) out["delivery.method"] = s(input.delivery.method);
    if (s(input.delivery.address)) out["delivery.address"] = s(input.delivery.address);
  }
  if (input.communeCode) out.communeCode = input.communeCode;
  return out;
}

/** Profile values for fields that declare `prefill`, without overwriting what is already there. */
export function prefillFromProfile(
  fields: readonly FormField[],
  profile: Record<string, unknown> | null,
  values: Record<string, string>,
): Record<string, string> {
  const out = { ...values };
  if (!profile) return out;
  for (const k of APPLICANT_KEYS) if (!out[`applicant.${k}`] && s(profile[k])) out[`applicant.${k}`] = s(profile[k]);
  for (const f of fields) if (f.prefill && !out[`form.${f.key}`] && s(profile[f.prefill])) out[`form.${f.key}`] = s(profile[f.prefill]);
  return out;
}
