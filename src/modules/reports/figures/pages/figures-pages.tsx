// GET /office/reports/figures?unit=&from=&to= (report.read on the unit) and GET /reports/:commune/figures (public,
// counts only). Both work without JavaScript; the period is typed as dd/mm/yyyy.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { readDayFields } from "../../../../platform/text/day-input.ts";
import { Breadcrumbs, Button, Field, SelectField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { getAdminUnit } from "../../../admin-units/index.ts";
import { reportPaths } from "../../report-paths.ts";
import { officeReportFigures, publicReportFigures } from "../../use-cases/figures-read.ts";
import { FiguresView, periodText } from "./figures-view.tsx";

/** The query as the use case takes it: days typed dd/mm/yyyy become YYYY-MM-DD; a day that cannot be read is a 400. */
function periodQuery(c: Context<AppEnv>) {
  const raw: Record<string, string> = {};
  for (const k of ["unit", "from", "to"]) {
    const v = c.req.query(k);
    if (v) raw[k] = v;
  }
  const days = readDayFields(raw, ["from", "to"]);
  if (days.errors.length > 0) throw new AppError("validation", "error.validation", days.errors);
  return { values: raw, query: days.values };
}

export function figuresPages(kit: PageKit) {
  const { deps, page } = kit;

  const office = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const { values, query } = periodQuery(c);
    const figures = await officeReportFigures(deps, { principal: p }, query);
    const paths = new Set(scopePaths(p, "report.read"));
    const units = await Promise.all(
      p.grants
        .filter((g) => paths.has(g.unitPath) && /^\d{2}(\d{3})?$/.test(g.unitCode))
        .map(async (g) => ({ value: g.unitCode, label: (await getAdminUnit(deps, g.unitCode).catch(() => null))?.fullName ?? g.unitCode })),
    );
    const form = { values: { ...values, unit: figures.unit.code, from: values.from ?? figures.from, to: values.to ?? figures.to }, errors: [] };
    const title = t("reports.figures.title");
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: reportPaths.desk, label: t("reports.desk.title") }, { label: title }]}
        />
        <h1>
          {title} – {figures.unit.name}
        </h1>
        <p>{periodText(t, figures)}</p>
        <form method="get" action={reportPaths.officeFigures} class="filters" aria-label={t("reports.figures.period")}>
          {units.length > 1 ? (
            <SelectField t={t} form={form} name="unit" label={t("reports.figures.unit")} options={units} />
          ) : (
            <input type="hidden" name="unit" value={figures.unit.code} />
          )}
          <Field t={t} form={form} name="from" label={t("reports.figures.from")} kind="date" />
          <Field t={t} form={form} name="to" label={t("reports.figures.to")} kind="date" />
          <Button>{t("reports.figures.show")}</Button>
        </form>
        <FiguresView t={t} locale={locale} figures={figures} />
      </Layout>,
    );
  };

  const publicPage = async (c: Context<AppEnv>) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const commune = c.req.param("commune") ?? "";
    const { values, query } = periodQuery(c);
    const figures = await publicReportFigures(deps, commune, { ...query, unit: undefined });
    const form = { values: { from: values.from ?? figures.from, to: values.to ?? figures.to }, errors: [] };
    const title = t("reports.figures.publicTitle", { unit: figures.unit.name });
    return c.html(
      <Layout ctx={ctx} title={title}>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/", label: t("nav.home") },
            { href: reportPaths.publicList(figures.unit.code), label: t("reports.figures.publicList") },
            { label: title },
          ]}
        />
        <h1>{title}</h1>
        <p>{periodText(t, figures)}</p>
        <form method="get" action={reportPaths.publicFigures(figures.unit.code)} class="filters" aria-label={t("reports.figures.period")}>
          <Field t={t} form={form} name="from" label={t("reports.figures.from")} kind="date" />
          <Field t={t} form={form} name="to" label={t("reports.figures.to")} kind="date" />
          <Button>{t("reports.figures.show")}</Button>
        </form>
        <FiguresView t={t} locale={locale} figures={figures} />
      </Layout>,
    );
  };

  return { office, publicPage };
}
