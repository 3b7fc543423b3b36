// An organisation as the applicant (national applicant type 2): the choice and its fields, shared by the
// citizen's application form and the desk's intake, and the posted form read back into the contract's shape.
import type { Translate } from "../../platform/i18n/i18n.ts";
import { Field, type FormState, RadioGroup } from "../../platform/views/components.tsx";

export function OrganisationFields(props: { t: Translate; form: FormState }) {
  const { t, form } = props;
  const v = form.values["applicant.type"];
  const withType: FormState = v ? form : { ...form, values: { ...form.values, "applicant.type": "citizen" } };
  return (
    <>
      <RadioGroup
        t={t}
        form={withType}
        name="applicant.type"
        legend={t("dossiers.citizen.applicant.type")}
        options={[
          { value: "citizen", label: t("dossiers.citizen.applicant.typeCitizen") },
          { value: "organisation", label: t("dossiers.citizen.applicant.typeOrganisation") },
        ]}
      />
      {/* Always present (no script): filled only when an organisation applies. */}
      <fieldset>
        <legend>{t("dossiers.citizen.applicant.organisation")}</legend>
        <p class="hint">{t("dossiers.citizen.applicant.organisationHint")}</p>
        <Field t={t} form={form} name="applicant.organisation.name" label={t("dossiers.citizen.applicant.orgName")} autocomplete="organization" />
        <Field
          t={t}
          form={form}
          name="applicant.organisation.taxCode"
          label={t("dossiers.citizen.applicant.taxCode")}
          hint={t("dossiers.citizen.applicant.taxCodeHint")}
          autocomplete="off"
        />
        <Field t={t} form={form} name="applicant.organisation.representative" label={t("dossiers.citizen.applicant.representative")} autocomplete="off" />
      </fieldset>
    </>
  );
}

/**
 * The applicant's posted fields (keys after "applicant.") in the contract's shape: the organisation nested, and
 * only when an organisation applies, so a citizen's form never carries half-typed organisation fields.
 */
export function nestApplicant(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const org: Record<string, string> = {};
  for (const [k, v] of Object.entries(flat)) {
    if (k.startsWith("organisation.")) org[k.slice("organisation.".length)] = v;
    else out[k] = v;
  }
  if (out.type === "organisation") out.organisation = org;
  else delete out.type;
  return out;
}
