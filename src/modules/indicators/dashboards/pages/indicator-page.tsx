// GET /office/indicators/u/:unit/:set/:indicator?period= (indicator.read): one indicator over time (SVG and table),
// across the children (communes, then villages), and links to the records behind its numbers.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDecimal } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, SummaryList } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { elementName } from "../../element-names.ts";
import { indicatorPaths } from "../../indicator-paths.ts";
import { BarChart } from "../charts/bar-chart.tsx";
import { ChartFigure } from "../charts/line-chart.tsx";
import { indicatorDetail } from "../use-cases/dashboard-indicator.ts";
import { Assessment, AsOf, indName, numberOrDash, PeriodForm, periodName, setName, TrendFigure, unitName, ValueCell, type View, valueText } from "./shared.tsx";

export function indicatorPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const raw: Record<string, string> = {};
    const period = c.req.query("period");
    if (period) raw.period = period;
    const d = await indicatorDetail(
      kit.deps,
      p,
      { unit: c.req.param("unit") ?? "", set: c.req.param("set") ?? "", indicator: c.req.param("indicator") ?? "" },
      raw,
    );
    const ctx = kit.page(c);
    const v: View = { t: ctx.t, locale: ctx.locale };
    const { t } = v;
    const name = indName(v, d.indicator);
    const uname = unitName(v, d.unit);
    const title = t("indicators.dashboards.indicatorTitle", { indicator: name, unit: uname });
    const qs = `?${new URLSearchParams({ set: d.set.key, period: d.period.code }).toString()}`;
    const pq = `?${new URLSearchParams({ period: d.period.code }).toString()}`;
    const byKey = d.unit.level === "province" ? "province" : "commune";
    const description = v.locale === "en" ? d.indicator.descriptionEn : d.indicator.description;
    const recordsName = (k: string) => elementName(d.set, k, t, v.locale);
    return c.html(
      <Layout ctx={ctx} title={title} office head={<link rel="stylesheet" href={ctx.assets.url("indicators.css")} />}>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            ...d.ancestors.map((a) => ({ href: `${indicatorPaths.unit(a.code)}${qs}`, label: unitName(v, a) })),
            { href: `${indicatorPaths.unit(d.unit.code)}${qs}`, label: uname },
            { label: name },
          ]}
        />
        <h1>{title}</h1>
        <p class="lead">
          {setName(v, d.set)} – {periodName(v, d.period)}
        </p>
        {description ? <p>{description}</p> : null}
        <AsOf view={v} asOf={d.asOf} />
        <PeriodForm view={v} action={indicatorPaths.indicator(d.unit.code, d.set.key, d.indicator.key)} set={d.set} period={d.period} choices={d.choices} />
        <SummaryList
          rows={[
            [t("indicators.dashboards.col.value"), valueText(v, d.value)],
            [t("indicators.dashboards.col.assessment"), <Assessment view={v} value={d.value} />],
            [t("indicators.dashboards.col.numerator"), numberOrDash(v, d.value.numerator)],
            [t("indicators.dashboards.col.denominator"), numberOrDash(v, d.value.denominator)],
            [t("indicators.dashboards.col.target"), numberOrDash(v, d.value.target)],
            [
              t("indicators.dashboards.formula"),
              <>
                {d.indicator.denominator
                  ? t("indicators.dashboards.formulaText", { num: d.indicator.numerator, den: d.indicator.denominator })
                  : t("indicators.dashboards.formulaCount", { num: d.indicator.numerator })}{" "}
                {t(`indicators.direction.${d.indicator.direction}`)}
              </>,
            ],
          ]}
        />
        {d.recordElements.length > 0 ? (
          <>
            <h2>{t("indicators.dashboards.records")}</h2>
            <ul>
              {d.recordElements.map((k) => (
                <li>
                  <a href={`${indicatorPaths.records(d.unit.code, k)}${pq}`}>{t("indicators.dashboards.recordsLink", { element: recordsName(k) })}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{t("indicators.dashboards.trend")}</h2>
        <TrendFigure view={v} id="ind-trend" name={name} unit={d.indicator.unit} points={d.trend} />
        {d.children.length > 0 ? (
          <>
            <h2>{t(`indicators.dashboards.byChildren.${byKey}`, { period: periodName(v, d.period) })}</h2>
            <ChartFigure
              chart={
                <BarChart
                  id="ind-children-chart"
                  title={t(`indicators.dashboards.byChildren.${byKey}`, { period: periodName(v, d.period) })}
                  desc={t("indicators.dashboards.rankDesc", {
                    name,
                    values: d.children.map((x) => `${unitName(v, x.unit)}: ${valueText(v, x.value)}`).join("; "),
                  })}
                  bars={d.children.map((x) => ({ label: unitName(v, x.unit), value: x.value.status === "ok" ? x.value.value : null, tone: x.value.colour }))}
                  max={d.indicator.unit === "percent" ? 100 : undefined}
                  format={(n) => formatDecimal(n, v.locale)}
                  empty={t("indicators.status.noData")}
                />
              }
              table={
                <DataTable
                  caption={t(`indicators.dashboards.byChildren.${byKey}`, { period: periodName(v, d.period) })}
                  id="ind-children"
                  rows={d.children}
                  columns={[
                    {
                      header: t("indicators.dashboards.col.unit"),
                      rowHeader: true,
                      cell: (x) => <a href={`${indicatorPaths.indicator(x.unit.code, d.set.key, d.indicator.key)}${pq}`}>{unitName(v, x.unit)}</a>,
                    },
                    { header: t("indicators.dashboards.col.value"), num: true, cell: (x) => <ValueCell view={v} value={x.value} /> },
                    { header: t("indicators.dashboards.col.numerator"), num: true, cell: (x) => numberOrDash(v, x.value.numerator) },
                    { header: t("indicators.dashboards.col.denominator"), num: true, cell: (x) => numberOrDash(v, x.value.denominator) },
                    { header: t("indicators.dashboards.col.target"), num: true, cell: (x) => numberOrDash(v, x.value.target) },
                  ]}
                />
              }
            />
          </>
        ) : null}
      </Layout>,
    );
  };
}
