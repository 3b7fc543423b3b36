// GET /indicators (choose a commune, or a province) and /indicators/:unit?period= (no sign-in): the indicators each
// set marks public, for a commune or a province, this period and the one before, as SVG bars and a table. Light
// (no script, one small stylesheet) and cacheable: only sums, nobody's data.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDecimal } from "../../../../platform/i18n/format.ts";
import { CommunePicker, localName } from "../../../../platform/views/commune-picker.tsx";
import { Breadcrumbs } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { BarChart } from "../charts/bar-chart.tsx";
import { ChartFigure } from "../charts/line-chart.tsx";
import { publicCommunes } from "../dashboards.repository.ts";
import { publicUnitIndicators } from "../use-cases/dashboard-public.ts";
import { AsOf, periodName, setName, unitName, ValueCell, type View, valueText } from "./shared.tsx";

const PUBLIC_CACHE = "public, max-age=300";

export function publicIndexPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const chosen = c.req.query("commune");
    if (chosen && /^\d{5}$/.test(chosen)) return c.redirect(indicatorPaths.publicUnit(chosen), 303);
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const communes = await publicCommunes(kit.deps.db);
    const provinces = [...new Map(communes.map((x) => [x.provinceCode, x] as const)).values()];
    const title = t("indicators.dashboards.public.title");
    if (!ctx.principal) c.header("cache-control", PUBLIC_CACHE);
    return c.html(
      <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={ctx.assets.url("indicators.css")} />}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: title }]} />
        <h1>{title}</h1>
        <p class="lead">{t("indicators.dashboards.public.lead")}</p>
        <form class="search-form" method="get" action={indicatorPaths.publicIndex}>
          <CommunePicker
            communes={communes}
            locale={locale}
            label={t("indicators.dashboards.public.choose")}
            hint={t("indicators.dashboards.public.chooseHint")}
          />
          <button type="submit" class="button">
            {t("indicators.dashboards.show")}
          </button>
        </form>
        <h2>{t("indicators.dashboards.public.provinces")}</h2>
        <ul>
          {provinces.map((x) => (
            <li>
              <a href={indicatorPaths.publicUnit(x.provinceCode)}>{localName(locale, x.provinceVi, x.provinceEn)}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  };
}

export function publicUnitPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const d = await publicUnitIndicators(kit.deps, c.req.param("unit") ?? "", c.req.query("period") || undefined);
    const ctx = kit.page(c);
    const v: View = { t: ctx.t, locale: ctx.locale };
    const { t } = v;
    const uname = unitName(v, d.unit);
    const title = t("indicators.dashboards.public.unitTitle", { unit: uname });
    const cur = periodName(v, d.period);
    const prev = periodName(v, d.previous);
    if (!ctx.principal) c.header("cache-control", PUBLIC_CACHE);
    return c.html(
      <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={ctx.assets.url("indicators.css")} />}>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/", label: t("nav.home") },
            { href: indicatorPaths.publicIndex, label: t("indicators.dashboards.public.title") },
            ...d.ancestors.map((a) => ({ href: indicatorPaths.publicUnit(a.code), label: unitName(v, a) })),
            { label: uname },
          ]}
        />
        <h1>{title}</h1>
        <p class="lead">{cur}</p>
        <AsOf view={v} asOf={d.asOf} />
        {d.sets.length === 0 ? <p>{t("indicators.dashboards.public.none")}</p> : null}
        {d.sets.map((s, si) => (
          <section>
            <h2>{setName(v, s.set)}</h2>
            <ChartFigure
              chart={
                <BarChart
                  id={`pub-${si}-chart`}
                  title={`${setName(v, s.set)} – ${t("indicators.dashboards.public.compare")}`}
                  desc={s.rows
                    .map((r) =>
                      t("indicators.dashboards.public.compareDesc", {
                        name: v.locale === "en" ? r.nameEn : r.name,
                        current: valueText(v, r.current),
                        previous: valueText(v, r.previous),
                      }),
                    )
                    .join("; ")}
                  bars={s.rows.flatMap((r) => [
                    {
                      label: `${v.locale === "en" ? r.nameEn : r.name} (${cur})`,
                      value: r.current.status === "ok" ? r.current.value : null,
                      tone: r.current.colour,
                    },
                    { label: `${v.locale === "en" ? r.nameEn : r.name} (${prev})`, value: r.previous.status === "ok" ? r.previous.value : null, tone: null },
                  ])}
                  format={(n) => formatDecimal(n, v.locale)}
                  empty={t("indicators.status.noData")}
                />
              }
              table={
                <DataTable
                  caption={setName(v, s.set)}
                  id={`pub-${si}-table`}
                  rows={s.rows}
                  columns={[
                    { header: t("indicators.dashboards.col.indicator"), rowHeader: true, cell: (r) => (v.locale === "en" ? r.nameEn : r.name) },
                    { header: t("indicators.dashboards.col.current", { period: cur }), num: true, cell: (r) => <ValueCell view={v} value={r.current} /> },
                    { header: t("indicators.dashboards.col.previous", { period: prev }), num: true, cell: (r) => <ValueCell view={v} value={r.previous} /> },
                  ]}
                />
              }
            />
          </section>
        ))}
      </Layout>,
    );
  };
}
