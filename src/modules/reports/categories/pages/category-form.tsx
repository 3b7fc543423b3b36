// GET/POST /office/reports/categories/edit?unit=&code=: one category's form. For a commune, editing a province
// default saves the commune's own row (an override). Open311 attributes are rows of fields; an empty row adds one.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, SelectField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../../admin-units/index.ts";
import { reportPaths } from "../../report-paths.ts";
import { listCategoriesForAdmin } from "../../use-cases/categories-list.ts";
import { responsibleCandidates } from "../../use-cases/categories-officers.ts";
import { saveCategory } from "../../use-cases/categories-save.ts";
import { ATTRIBUTE_DATATYPES } from "../categories.contract.ts";
import type { CategoryRow } from "../categories.repository.ts";
import { editHref } from "./categories-page.tsx";

const FIELDS = [
  "code",
  "nameVi",
  "nameEn",
  "descriptionVi",
  "descriptionEn",
  "keywords",
  "responsibleUnit",
  "responsibleUserId",
  "timeLimitDays",
  "publicByDefault",
  "active",
  "sortOrder",
] as const;
const MAX_ATTRIBUTES = 20;

function valuesOf(r: CategoryRow): Record<string, string> {
  const v: Record<string, string> = {
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    descriptionVi: r.descriptionVi,
    descriptionEn: r.descriptionEn,
    keywords: r.keywords,
    responsibleUnit: r.responsibleUnit,
    responsibleUserId: r.responsibleUserId ?? "",
    timeLimitDays: String(r.timeLimitDays),
    publicByDefault: String(r.publicByDefault),
    active: String(r.active),
    sortOrder: String(r.sortOrder),
  };
  r.attributes.forEach((a, i) => {
    v[`attributes.${i}.code`] = a.code;
    v[`attributes.${i}.datatype`] = a.datatype;
    v[`attributes.${i}.required`] = String(a.required);
    v[`attributes.${i}.description_vi`] = a.description_vi;
    v[`attributes.${i}.description_en`] = a.description_en;
    v[`attributes.${i}.values`] = a.values.map((x) => `${x.key} | ${x.name} | ${x.name_en}`).join("\n");
  });
  return v;
}

/** The posted form as the contract's input; list values are lines "key | name | name_en". */
function inputOf(values: Record<string, string>, unit: { code: string; level: string }): { input: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const attributes: Record<string, unknown>[] = [];
  for (let i = 0; i < MAX_ATTRIBUTES + 1; i++) {
    const code = (values[`attributes.${i}.code`] ?? "").trim();
    const vi = (values[`attributes.${i}.description_vi`] ?? "").trim();
    if (!code && !vi) continue;
    const lines = (values[`attributes.${i}.values`] ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const list = lines.map((l) => l.split("|").map((x) => x.trim()));
    if (list.some((parts) => parts.length < 2 || parts.length > 3 || !parts[0] || !parts[1]))
      errors.push({ field: `attributes.${attributes.length}.values`, code: "format", message: "reports.categories.error.valuesLine" });
    attributes.push({
      code,
      datatype: values[`attributes.${i}.datatype`] ?? "string",
      required: values[`attributes.${i}.required`] === "true",
      description_vi: vi,
      description_en: values[`attributes.${i}.description_en`] ?? "",
      order: attributes.length + 1,
      values: list.map(([key, name, nameEn]) => ({ key: key ?? "", name: name ?? "", name_en: nameEn ?? "" })),
    });
  }
  const opt = (k: string) => (values[k] ? values[k] : undefined);
  return {
    errors,
    input: {
      ...(unit.level === "commune" ? { communeCode: unit.code } : { provinceCode: unit.code }),
      code: values.code ?? "",
      nameVi: values.nameVi ?? "",
      nameEn: values.nameEn ?? "",
      descriptionVi: values.descriptionVi ?? "",
      descriptionEn: values.descriptionEn ?? "",
      keywords: values.keywords ?? "",
      responsibleUnit: values.responsibleUnit ?? "",
      responsibleUserId: opt("responsibleUserId") ?? null,
      timeLimitDays: values.timeLimitDays ?? "",
      publicByDefault: values.publicByDefault !== "false",
      active: values.active !== "false",
      sortOrder: opt("sortOrder") ?? "100",
      attributes,
    },
  };
}

export function categoryForm(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, unitCode: string, existing: CategoryRow | null, form: FormState, status: 200 | 400) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const unit = await getAdminUnit(deps, unitCode);
    const isCommune = unit.level === "commune";
    const officers = isCommune ? await responsibleCandidates(deps, unit.path) : [];
    const name = existing ? (locale === "en" ? existing.nameEn : existing.nameVi) : "";
    const title = existing ? t("reports.categories.edit", { name }) : t("reports.categories.new");
    const labels: Record<string, string> = Object.fromEntries(FIELDS.map((k) => [k, t(`reports.categories.field.${k}`)]));
    const attrRows =
      Math.max(existing?.attributes.length ?? 0, ...Object.keys(form.values).map((k) => Number(/^attributes\.(\d+)\./.exec(k)?.[1] ?? -1) + 1)) + 1;
    for (let i = 0; i < attrRows; i++)
      for (const k of ["code", "datatype", "required", "descriptionVi", "descriptionEn", "values"] as const)
        labels[`attributes.${i}.${k === "descriptionVi" ? "description_vi" : k === "descriptionEn" ? "description_en" : k}`] = t(
          `reports.categories.attr.${k}`,
          { n: i + 1 },
        );
    const yesNo = [
      { value: "true", label: t("reports.categories.yes") },
      { value: "false", label: t("reports.categories.no") },
    ];
    const overriding = isCommune && existing !== null && existing.communeCode === null;
    const action = editHref(unit.code, existing?.code);
    void p;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: `${reportPaths.categories}?unit=${unit.code}`, label: t("reports.categories.title") },
            { label: title },
          ]}
        />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{title}</h1>
        <p>{t(isCommune ? "reports.categories.unitCommune" : "reports.categories.unitProvince", { unit: unit.fullName })}</p>
        {overriding && <p class="notice">{t("reports.categories.overrideHint")}</p>}
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          {existing ? (
            <>
              <input type="hidden" name="code" value={existing.code} />
              <p>
                {labels.code}: <code>{existing.code}</code>
              </p>
            </>
          ) : (
            <Field t={t} form={form} name="code" label={labels.code!} hint={t("reports.categories.field.codeHint")} required autocomplete="off" />
          )}
          <Field t={t} form={form} name="nameVi" label={labels.nameVi!} required />
          <Field t={t} form={form} name="nameEn" label={labels.nameEn!} required />
          <Field t={t} form={form} name="descriptionVi" label={labels.descriptionVi!} kind="textarea" />
          <Field t={t} form={form} name="descriptionEn" label={labels.descriptionEn!} kind="textarea" />
          <Field t={t} form={form} name="keywords" label={labels.keywords!} hint={t("reports.categories.field.keywordsHint")} />
          <Field t={t} form={form} name="responsibleUnit" label={labels.responsibleUnit!} />
          {isCommune && (
            <SelectField
              t={t}
              form={form}
              name="responsibleUserId"
              label={labels.responsibleUserId!}
              hint={t("reports.categories.field.responsibleUserIdHint")}
              placeholder={t("reports.categories.field.nobody")}
              options={officers.map((o) => ({ value: o.id, label: o.displayName }))}
            />
          )}
          <Field
            t={t}
            form={form}
            name="timeLimitDays"
            label={labels.timeLimitDays!}
            hint={t("reports.categories.field.timeLimitDaysHint")}
            kind="numericId"
            required
          />
          <SelectField t={t} form={form} name="publicByDefault" label={labels.publicByDefault!} options={yesNo} />
          <SelectField t={t} form={form} name="active" label={labels.active!} options={yesNo} />
          <Field t={t} form={form} name="sortOrder" label={labels.sortOrder!} kind="numericId" />
          <h2>{t("reports.categories.attributes")}</h2>
          <p class="hint">{t("reports.categories.attributesHint")}</p>
          {Array.from({ length: Math.min(attrRows, MAX_ATTRIBUTES) }, (_, i) => (
            <fieldset class="fieldset">
              <legend>{t("reports.categories.attribute", { n: i + 1 })}</legend>
              <Field t={t} form={form} name={`attributes.${i}.code`} label={labels[`attributes.${i}.code`]!} autocomplete="off" />
              <SelectField
                t={t}
                form={form}
                name={`attributes.${i}.datatype`}
                label={labels[`attributes.${i}.datatype`]!}
                options={ATTRIBUTE_DATATYPES.map((d) => ({ value: d, label: `${t(`reports.categories.datatype.${d}`)} (${d})` }))}
              />
              <SelectField t={t} form={form} name={`attributes.${i}.required`} label={labels[`attributes.${i}.required`]!} options={yesNo.slice().reverse()} />
              <Field t={t} form={form} name={`attributes.${i}.description_vi`} label={labels[`attributes.${i}.description_vi`]!} />
              <Field t={t} form={form} name={`attributes.${i}.description_en`} label={labels[`attributes.${i}.description_en`]!} />
              <Field t={t} form={form} name={`attributes.${i}.values`} label={labels[`attributes.${i}.values`]!} kind="textarea" />
            </fieldset>
          ))}
          <Button>{t("reports.categories.save")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  /** The unit and the row being edited (the effective row for a commune), checked by the admin list's rule. */
  const load = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const unitCode = c.req.query("unit") ?? "";
    const list = await listCategoriesForAdmin(deps, p, unitCode);
    const code = c.req.query("code");
    const existing = code ? (list.rows.find((r) => r.code === code) ?? null) : null;
    if (code && !existing) throw new AppError("not_found", "error.notFound");
    return { unit: list.unit, existing };
  };

  return {
    get: async (c: Context<AppEnv>) => {
      const { unit, existing } = await load(c);
      const values = existing ? valuesOf(existing) : { timeLimitDays: "5", publicByDefault: "true", active: "true", sortOrder: "100" };
      return render(c, unit.code, existing, { values, errors: [] }, 200);
    },
    post: async (c: Context<AppEnv>) => {
      const { unit, existing } = await load(c);
      const values = await readForm(c);
      if (existing) values.code = existing.code;
      const { input, errors } = inputOf(values, unit);
      if (errors.length > 0) return render(c, unit.code, existing, { values, errors }, 400);
      const res = await attempt(() => saveCategory(deps, ctxOf(c), input));
      if (!res.ok) return render(c, unit.code, existing, { values, errors: res.errors }, 400);
      setFlash(c, "reports.flash.categories.saved", secure);
      return c.redirect(`${reportPaths.categories}?unit=${unit.code}`, 303);
    },
  };
}
