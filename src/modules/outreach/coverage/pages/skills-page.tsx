// GET/POST /office/skills: a province's skill checklist. Each skill is a row of fields; an empty row at the end adds
// one. Works without JavaScript: the form posts every row, the page shows errors next to the row's fields.
import type { Context } from "hono";
import { can } from "../../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { pageKit } from "../../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../../platform/http/web-context.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, SelectField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { getChecklist, saveChecklist } from "../../use-cases/skills-checklist.ts";
import { SaveSkillsInput } from "../coverage.contract.ts";
import type { SkillChecklist } from "../../skills.ts";
import { z } from "@hono/zod-openapi";

const ProvinceQuery = z.strictObject({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

function valuesOf(list: SkillChecklist): Record<string, string> {
  const v: Record<string, string> = { province: list.provinceCode };
  list.skills.forEach((s, i) => {
    v[`skills.${i}.key`] = s.key;
    v[`skills.${i}.labelVi`] = s.labelVi;
    v[`skills.${i}.labelEn`] = s.labelEn;
    v[`skills.${i}.sort`] = String(s.sort);
    v[`skills.${i}.active`] = s.active ? "true" : "false";
  });
  return v;
}

/** The posted rows as the contract's input: a row with every field empty is no skill. */
function inputOf(values: Record<string, string>) {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    const key = (values[`skills.${i}.key`] ?? "").trim();
    const labelVi = values[`skills.${i}.labelVi`] ?? "";
    const labelEn = values[`skills.${i}.labelEn`] ?? "";
    if (!key && !labelVi.trim() && !labelEn.trim()) continue;
    rows[i] = { key, labelVi, labelEn, sort: values[`skills.${i}.sort`] || String((i + 1) * 10), active: values[`skills.${i}.active`] !== "false" };
  }
  return { province: values.province ?? "", skills: rows.filter(Boolean) };
}

export function skillsPage(web: WebContext) {
  const { deps, page, secure } = pageKit(web);
  const render = async (c: Context<AppEnv>, list: SkillChecklist, form: FormState, status: 200 | 400) => {
    const ctx = page(c);
    const { t } = ctx;
    const mayEdit = can(ctx.principal, "skills.manage", { code: list.provinceCode, path: `/${list.provinceCode}/` });
    const rows = Math.max(list.skills.length, ...Object.keys(form.values).map((k) => Number(/^skills\.(\d+)\./.exec(k)?.[1] ?? -1) + 1)) + (mayEdit ? 1 : 0);
    const labels: Record<string, string> = {};
    for (let i = 0; i < rows; i++) {
      labels[`skills.${i}.key`] = `${t("skills.col.key")} ${i + 1}`;
      labels[`skills.${i}.labelVi`] = `${t("skills.col.labelVi")} ${i + 1}`;
      labels[`skills.${i}.labelEn`] = `${t("skills.col.labelEn")} ${i + 1}`;
      labels[`skills.${i}.sort`] = `${t("skills.col.sort")} ${i + 1}`;
    }
    return c.html(
      <Layout ctx={ctx} title={t("skills.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("skills.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("skills.title")}</h1>
        <p>{t("skills.intro")}</p>
        {!list.custom && <p class="notice">{t("skills.builtIn")}</p>}
        <form method="post" action="/office/skills" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="province" value={list.provinceCode} />
          {Array.from({ length: rows }, (_, i) => (
            <fieldset class="fieldset">
              <legend>{form.values[`skills.${i}.labelVi`] || t("skills.add")}</legend>
              <Field t={t} form={form} name={`skills.${i}.key`} label={labels[`skills.${i}.key`]!} autocomplete="off" />
              <Field t={t} form={form} name={`skills.${i}.labelVi`} label={labels[`skills.${i}.labelVi`]!} autocomplete="off" />
              <Field t={t} form={form} name={`skills.${i}.labelEn`} label={labels[`skills.${i}.labelEn`]!} autocomplete="off" />
              <Field t={t} form={form} name={`skills.${i}.sort`} label={labels[`skills.${i}.sort`]!} kind="decimal" autocomplete="off" />
              <SelectField
                t={t}
                form={form}
                name={`skills.${i}.active`}
                label={`${t("skills.col.active")} ${i + 1}`}
                options={[
                  { value: "true", label: t("skills.active") },
                  { value: "false", label: t("skills.inactive") },
                ]}
              />
            </fieldset>
          ))}
          {mayEdit && <Button>{t("skills.save")}</Button>}
        </form>
      </Layout>,
      status,
    );
  };
  return {
    get: async (c: Context<AppEnv>) => {
      const q = validateForm(ProvinceQuery, Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")));
      if (!q.ok) throw new AppError("validation", "error.validation", q.errors);
      const list = await getChecklist(deps, ctxOf(c), q.data.province);
      return render(c, list, { values: valuesOf(list), errors: [] }, 200);
    },
    post: async (c: Context<AppEnv>) => {
      const values = await readForm(c);
      const input = inputOf(values);
      const list = await getChecklist(deps, ctxOf(c), /^\d{2}$/.test(input.province) ? input.province : undefined);
      const parsed = validateForm(SaveSkillsInput, input as never);
      if (!parsed.ok) return render(c, list, { values, errors: parsed.errors }, 400);
      const res = await attempt(() => saveChecklist(deps, ctxOf(c), parsed.data));
      if (!res.ok) return render(c, list, { values, errors: res.errors }, 400);
      setFlash(c, "skills.flash.saved", secure);
      return c.redirect(`/office/skills?province=${list.provinceCode}`, 303);
    },
  };
}
