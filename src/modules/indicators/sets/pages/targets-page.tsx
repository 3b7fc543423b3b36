// GET/POST /office/indicators/sets/:key/targets?indicator=&year=: the year's target of one indicator for the province
// and each commune. A GET form picks the indicator and year; the POST saves every box (empty removes a target).
import type { Context } from "hono";
import { can } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import type { FieldError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { attempt, readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Field, type FormState, SelectField, TextField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { localYear } from "../../../../platform/calendar/vietnam-time.ts";
import { indicatorPaths } from "../../indicator-paths.ts";
import { readTargets, setTargets } from "../use-cases/targets.ts";
import { provinceParam, withProvince } from "./shared.ts";

const boxName = (unit: string) => `t_${unit.replace(/\./g, "_")}`;

export function targetsPages(kit: PageKit) {
  const show = async (c: Context<AppEnv>, key: string, state?: FormState, status: 200 | 400 = 200) => {
    const province = provinceParam(c);
    const y = c.req.query("year");
    const year = y && /^\d{4}$/.test(y) ? Number(y) : localYear(kit.deps.clock.now());
    const view = await readTargets(kit.deps, useCaseContext(c), { province, set: key, indicator: c.req.query("indicator") ?? null, year });
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const en = locale === "en";
    const manage = can(ctx.principal, "indicator.manage", view.province);
    const values: Record<string, string> = {};
    for (const u of view.units) values[boxName(u.unit.code)] = u.target === null ? "" : String(u.target);
    const form: FormState = state ?? { values, errors: [] };
    const setName = en ? view.set.nameEn : view.set.name;
    const indName = en ? view.indicator.nameEn : view.indicator.name;
    const labels = Object.fromEntries(view.units.map((u) => [boxName(u.unit.code), t("indicators.sets.targets.targetOf", { unit: u.unit.name })]));
    const action = withProvince(indicatorPaths.targets(key), province, { indicator: view.indicator.key, year: String(view.year) });
    return c.html(
      <Layout ctx={ctx} title={t("indicators.sets.targets.title", { set: setName })} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: withProvince(indicatorPaths.sets, province), label: t("indicators.sets.title") },
            { href: withProvince(indicatorPaths.set(key), province), label: setName },
            { label: t("indicators.sets.targetsLink") },
          ]}
        />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("indicators.sets.targets.title", { set: setName })}</h1>
        <p>{t("indicators.sets.targets.lead")}</p>
        <h2 id="choose">{t("indicators.sets.targets.choose")}</h2>
        <form method="get" action={indicatorPaths.targets(key)} novalidate aria-labelledby="choose">
          {province && <input type="hidden" name="province" value={province} />}
          <SelectField
            t={t}
            form={{ values: { indicator: view.indicator.key }, errors: [] }}
            name="indicator"
            label={t("indicators.sets.targets.indicator")}
            options={view.set.compiled.map((i) => ({ value: i.key, label: en ? i.nameEn : i.name }))}
          />
          <TextField t={t} form={{ values: { year: String(view.year) }, errors: [] }} name="year" label={t("indicators.sets.targets.year")} />
          <Button variant="secondary">{t("indicators.sets.targets.show")}</Button>
        </form>
        <h2 id="values">{t("indicators.sets.targets.values", { year: view.year, indicator: indName, unit: t(`indicators.unit.${view.indicator.unit}`) })}</h2>
        {manage ? (
          <form method="post" action={action} novalidate aria-labelledby="values">
            <CsrfField token={ctx.csrfToken} />
            {view.units.map((u) => (
              <Field t={t} form={form} name={boxName(u.unit.code)} kind="decimal" label={labels[boxName(u.unit.code)] as string} />
            ))}
            <Button>{t("indicators.sets.targets.save")}</Button>
          </form>
        ) : (
          <ul>
            {view.units.map((u) => (
              <li>
                {u.unit.name}: {u.target ?? "—"}
              </li>
            ))}
          </ul>
        )}
      </Layout>,
      status,
    );
  };

  const save = async (c: Context<AppEnv>, key: string) => {
    const province = provinceParam(c);
    const year = c.req.query("year") ?? "";
    const indicator = c.req.query("indicator") ?? "";
    const values = await readForm(c);
    // The boxes shown are the units the page listed: read them back in the same order.
    const view = await readTargets(kit.deps, useCaseContext(c), { province, set: key, indicator, year: Number(year) });
    const errors: FieldError[] = [];
    const targets = view.units.map((u) => {
      const raw = (values[boxName(u.unit.code)] ?? "").trim().replace(",", ".");
      if (raw === "") return { unit: u.unit.code, target: null };
      const n = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
      if (Number.isNaN(n)) errors.push({ field: boxName(u.unit.code), code: "number", message: "indicators.sets.targets.notNumber" });
      return { unit: u.unit.code, target: n };
    });
    const refuse = (errs: FieldError[]) => show(c, key, { values, errors: errs }, 400);
    if (errors.length > 0) return refuse(errors);
    const r = await attempt(() => setTargets(kit.deps, useCaseContext(c), { province, set: key, indicator, year: view.year, targets }));
    if (!r.ok) {
      return refuse(
        r.errors.map((e) => {
          const m = /^targets\.(\d+)\./.exec(e.field);
          const u = m ? targets[Number(m[1])] : undefined;
          return u ? { ...e, field: boxName(u.unit) } : e;
        }),
      );
    }
    setFlash(c, "indicators.sets.flash.targetsSaved", kit.secure);
    return c.redirect(action(province, view.indicator.key, view.year, key), 303);
  };

  return { show, save };
}

const action = (province: string | null, indicator: string, year: number, key: string) =>
  withProvince(indicatorPaths.targets(key), province, { indicator, year: String(year) });
