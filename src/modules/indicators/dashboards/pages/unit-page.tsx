// GET /office/indicators (the officer's own unit) and /office/indicators/u/:unit?set=&period=&sort= (indicator.read):
// the unit's indicators, its children ranked with colours and words, the trend as SVG with its table, the "as of"
// line and the downloads. Works without JavaScript and prints.
import type { Context } from "hono";
import { can, canOnOrWithin, type Principal, type ScopedUnit, scopePaths } from "../../../../platform/auth/authorise.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDecimal } from "../../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../../platform/i18n/i18n.ts";
import { Breadcrumbs } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import type { UnitResult } from "../../use-cases/indicators-compute.ts";
import { BarChart } from "../charts/bar-chart.tsx";
import { ChartFigure } from "../charts/line-chart.tsx";
import { firstProvinceWithin } from "../dashboards.repository.ts";
import { firstIndicatorUnit } from "../use-cases/dashboard-scope.ts";
import { unitDashboard, indicatorOf } from "../use-cases/dashboard-unit.ts";
import { AsOf, indName, numberOrDash, PeriodForm, periodName, setName, TrendFigure, unitName, ValueCell, type View } from "./shared.tsx";

const query = (c: Context<AppEnv>) => {
  const raw: Record<string, string> = {};
  for (const k of ["set", "period", "sort"]) {
    const v = c.req.query(k);
    if (v) raw[k] = v;
  }
  return raw;
};

export function officeRedirect(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    // A grant above every province (the system's administrator) opens the first province it covers.
    const code = firstIndicatorUnit(p) ?? (await firstProvinceWithin(kit.deps.db, scopePaths(p, "indicator.read")));
    if (!code) throw new AppError("forbidden", "error.forbidden");
    return c.redirect(indicatorPaths.unit(code), 303);
  };
}

/** The module's other pages, as the viewer's grants on this unit allow. */
function moduleLinks(p: Principal, unit: ScopedUnit): { href: string; label: MessageKey }[] {
  const links: { href: string; label: MessageKey; ok: boolean }[] = [
    { href: indicatorPaths.entry, label: "indicators.entry.title", ok: canOnOrWithin(p, "indicator.enter", unit) },
    { href: indicatorPaths.review, label: "indicators.entry.review.title", ok: can(p, "indicator.review", unit) },
    { href: `${indicatorPaths.entryStatus}?unit=${encodeURIComponent(unit.code)}`, label: "indicators.entry.status.title", ok: true },
    { href: indicatorPaths.sets, label: "indicators.sets.title", ok: true },
    { href: indicatorPaths.elements, label: "indicators.elements.title", ok: true },
    { href: indicatorPaths.scheduledReports, label: "indicators.exports.page.title", ok: true },
  ];
  return links.filter((l) => l.ok);
}

export function unitPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const d = await unitDashboard(kit.deps, p, c.req.param("unit") ?? "", query(c));
    const ctx = kit.page(c);
    const v: View = { t: ctx.t, locale: ctx.locale };
    const { t } = v;
    const name = unitName(v, d.unit);
    const title = t("indicators.dashboards.unitTitle", { unit: name });
    const qs = (extra: Record<string, string> = {}) => `?${new URLSearchParams({ set: d.set.key, period: d.period.code, ...extra }).toString()}`;
    const indHref = (unit: string, key: string) => `${indicatorPaths.indicator(unit, d.set.key, key)}${qs()}`;
    const sortInd = d.sortKey ? d.set.compiled.find((i) => i.key === d.sortKey) : null;
    const rankName = sortInd ? indName(v, sortInd) : t("indicators.dashboards.sortIndex");
    const rankValue = (r: UnitResult) => (sortInd ? (indicatorOf(r, sortInd.key)?.value ?? null) : r.index);
    const rankOk = (r: UnitResult) => (sortInd ? indicatorOf(r, sortInd.key)?.status === "ok" : r.index !== null);
    const pointsOf = (key: string | null) =>
      d.trend.map((x) => ({
        period: x.period,
        value: key
          ? (indicatorOf(x.row, key) as NonNullable<ReturnType<typeof indicatorOf>>)
          : {
              key: "index",
              group: null,
              unit: "points" as const,
              direction: "up" as const,
              status: x.row.index === null ? ("noData" as const) : ("ok" as const),
              value: x.row.index,
              numerator: null,
              denominator: null,
              points: x.row.indexMax,
              target: null,
              colour: null,
              missing: [],
            },
      }));
    return c.html(
      <Layout ctx={ctx} title={title} office head={<link rel="stylesheet" href={ctx.assets.url("indicators.css")} />}>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            ...d.ancestors.map((a) => ({ href: `${indicatorPaths.unit(a.code)}${qs()}`, label: unitName(v, a) })),
            { label: name },
          ]}
        />
        <h1>{title}</h1>
        <p class="lead">
          {setName(v, d.set)} – {periodName(v, d.period)}
        </p>
        <AsOf view={v} asOf={d.asOf} />
        <PeriodForm
          view={v}
          action={indicatorPaths.unit(d.unit.code)}
          sets={d.sets}
          set={d.set}
          period={d.period}
          choices={d.choices}
          sort={
            d.children.length > 0
              ? {
                  current: d.sortKey ?? "",
                  options: [
                    ...(d.set.index ? [{ value: "", label: t("indicators.dashboards.sortIndex") }] : []),
                    ...d.set.compiled.map((i) => ({ value: i.key, label: indName(v, i) })),
                  ],
                }
              : undefined
          }
        />
        <ul class="ind-links no-print">
          {(["xlsx", "csv", "pdf"] as const).map((f) => (
            <li>
              <a href={`${indicatorPaths.exportFile(d.unit.code, f)}${qs()}`}>{t(`indicators.dashboards.export.${f}`)}</a>
            </li>
          ))}
          {d.unit.level !== "village" ? (
            <li>
              <a href={indicatorPaths.publicUnit(d.unit.code)}>{t("indicators.dashboards.publicLink")}</a>
            </li>
          ) : null}
        </ul>
        <nav aria-label={t("indicators.dashboards.moduleNav")} class="no-print">
          <ul class="ind-links">
            {moduleLinks(p, d.unit).map((l) => (
              <li>
                <a href={l.href}>{t(l.label)}</a>
              </li>
            ))}
          </ul>
        </nav>

        <h2>{t("indicators.dashboards.own", { unit: name, period: periodName(v, d.period) })}</h2>
        {d.set.index ? (
          <p class="ind-index">
            {d.self.index === null || d.self.indexMax === null
              ? t("indicators.dashboards.indexNone")
              : t("indicators.dashboards.index", { value: formatDecimal(d.self.index, v.locale), max: formatDecimal(d.self.indexMax, v.locale) })}
          </p>
        ) : null}
        <DataTable
          caption={t("indicators.dashboards.own", { unit: name, period: periodName(v, d.period) })}
          id="ind-own"
          rows={d.self.indicators}
          columns={[
            {
              header: t("indicators.dashboards.col.indicator"),
              rowHeader: true,
              cell: (x) => {
                const def = d.set.compiled.find((i) => i.key === x.key);
                return <a href={indHref(d.unit.code, x.key)}>{def ? indName(v, def) : x.key}</a>;
              },
            },
            { header: t("indicators.dashboards.col.value"), num: true, cell: (x) => <ValueCell view={v} value={x} /> },
            { header: t("indicators.dashboards.col.numerator"), num: true, cell: (x) => numberOrDash(v, x.numerator) },
            { header: t("indicators.dashboards.col.denominator"), num: true, cell: (x) => numberOrDash(v, x.denominator) },
            { header: t("indicators.dashboards.col.target"), num: true, cell: (x) => numberOrDash(v, x.target) },
          ]}
        />

        {d.unit.level !== "village" ? (
          <>
            <h2>{t(`indicators.dashboards.ranking.${d.unit.level === "province" ? "province" : "commune"}`, { period: periodName(v, d.period) })}</h2>
            {d.children.length === 0 ? (
              <p>{t("indicators.dashboards.noChildren")}</p>
            ) : (
              <>
                <p id="ind-rank-lead">{t("indicators.dashboards.rankingLead", { by: rankName })}</p>
                <ChartFigure
                  chart={
                    <BarChart
                      id="ind-rank-chart"
                      title={rankName}
                      desc={t("indicators.dashboards.rankDesc", {
                        name: rankName,
                        values: d.children
                          .map((r) => {
                            const val = rankValue(r);
                            return `${unitName(v, r.unit)}: ${val === null || !rankOk(r) ? t("indicators.status.noData") : formatDecimal(val, v.locale)}`;
                          })
                          .join("; "),
                      })}
                      bars={d.children.map((r) => ({
                        label: unitName(v, r.unit),
                        value: rankOk(r) ? rankValue(r) : null,
                        tone: sortInd ? (indicatorOf(r, sortInd.key)?.colour ?? null) : null,
                      }))}
                      max={sortInd?.unit === "percent" ? 100 : undefined}
                      format={(n) => formatDecimal(n, v.locale)}
                      empty={t("indicators.status.noData")}
                    />
                  }
                  table={
                    <DataTable
                      caption={t(`indicators.dashboards.ranking.${d.unit.level === "province" ? "province" : "commune"}`, { period: periodName(v, d.period) })}
                      id="ind-ranking"
                      describedBy="ind-rank-lead"
                      rows={d.children}
                      columns={[
                        {
                          header: t("indicators.dashboards.col.rank"),
                          num: true,
                          cell: (r, i) => (rankOk(r) ? String(i + 1) : t("indicators.dashboards.none")),
                        },
                        {
                          header: t("indicators.dashboards.col.unit"),
                          rowHeader: true,
                          cell: (r) => <a href={`${indicatorPaths.unit(r.unit.code)}${qs()}`}>{unitName(v, r.unit)}</a>,
                        },
                        ...(d.set.index
                          ? [
                              {
                                header: t("indicators.dashboards.col.index"),
                                num: true,
                                cell: (r: UnitResult) => (r.index === null ? t("indicators.status.noData") : formatDecimal(r.index, v.locale)),
                              },
                            ]
                          : []),
                        ...d.set.compiled.map((ind) => ({
                          header: indName(v, ind),
                          num: true,
                          cell: (r: UnitResult) => {
                            const x = indicatorOf(r, ind.key);
                            return x ? <ValueCell view={v} value={x} href={indHref(r.unit.code, ind.key)} /> : null;
                          },
                        })),
                      ]}
                    />
                  }
                />
              </>
            )}
          </>
        ) : null}

        <h2>{t("indicators.dashboards.trend")}</h2>
        <TrendFigure view={v} id="ind-trend" name={rankName} unit={sortInd?.unit ?? "points"} points={pointsOf(sortInd?.key ?? null)} />
        <p class="ind-print-note no-print">{t("indicators.dashboards.print")}</p>
      </Layout>,
    );
  };
}
