// The figures page of the office (filters, headline figures, a table, how each figure is computed, the
// XLSX download) and the public transparency summary at /figures. Both work without JavaScript.
import type { Context, Hono } from "hono";
import type { WebContext } from "../../platform/http/web-context.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { Locale, MessageKey, Translate } from "../../platform/i18n/i18n.ts";
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { Breadcrumbs, Button, ErrorSummary, type FormState, SelectField, SummaryList, TextField } from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext, type PageContext } from "../../platform/views/page-context.ts";
import { takeFlash } from "../../platform/http/flash.ts";
import { getAdminUnit } from "../admin-units/index.ts";
import { type FigureRow, type Figures, type FiguresReport, GROUP_BY, PublicFiguresQuery, StatsQuery } from "./dossier-stats.contract.ts";
import { DEFINITIONS } from "./dossier-stats.definitions.ts";
import { computeFigures, computePublicFigures, figuresInput, listStatsCommunes, type PublicFigures, yearOf } from "./use-cases/compute-figures.ts";
import { exportFigures } from "./use-cases/export-figures.ts";

const QUERY_KEYS = ["commune", "from", "to", "groupBy"] as const;

const percentFormats = new Map<Locale, Intl.NumberFormat>();
function formatShare(share: number, locale: Locale): string {
  let f = percentFormats.get(locale);
  if (!f) percentFormats.set(locale, (f = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { style: "percent", maximumFractionDigits: 1 })));
  return f.format(share);
}
const decimal = (n: number, locale: Locale) => new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 2 }).format(n);
const dayDate = (day: string) => new Date(`${day}T12:00:00+07:00`);

/** A missing figure (nothing to divide by): a dash for the eye, words for a screen reader. */
function NotAvailable(props: { t: Translate }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span class="visually-hidden">{props.t("stats.na")}</span>
    </>
  );
}

function Share(props: { ctx: PageContext; value: number | null }) {
  return props.value === null ? <NotAvailable t={props.ctx.t} /> : <>{formatShare(props.value, props.ctx.locale)}</>;
}

function Num(props: { ctx: PageContext; value: number | null }) {
  return props.value === null ? <NotAvailable t={props.ctx.t} /> : <>{decimal(props.value, props.ctx.locale)}</>;
}

/** "66,7 % (2/3)": the share with what it was computed from. */
function ShareOf(props: { ctx: PageContext; share: number | null; n: number; of: number }) {
  if (props.share === null) return <NotAvailable t={props.ctx.t} />;
  const { t, locale } = props.ctx;
  return <>{t("stats.ofWhich", { share: formatShare(props.share, locale), n: formatNumber(props.n, locale), of: formatNumber(props.of, locale) })}</>;
}

function Headline(props: { ctx: PageContext; f: Figures }) {
  const { ctx, f } = props;
  const { t, locale } = ctx;
  return (
    <SummaryList
      rows={[
        [t("stats.term.received"), formatNumber(f.received, locale)],
        [t("stats.term.online"), <ShareOf ctx={ctx} share={f.onlineShare} n={f.online} of={f.received} />],
        [t("stats.term.onTime"), <ShareOf ctx={ctx} share={f.onTimeShare} n={f.onTime} of={f.finished} />],
        [t("stats.term.inProgress"), t("stats.inProgressValue", { n: formatNumber(f.inProgress, locale), overdue: formatNumber(f.overdue, locale) })],
        [t("stats.term.digitised"), <ShareOf ctx={ctx} share={f.digitisedShare} n={f.digitised} of={f.received} />],
        [t("stats.term.vaultReused"), <ShareOf ctx={ctx} share={f.vaultReusedShare} n={f.vaultReused} of={f.received} />],
        [t("stats.term.resultDigitised"), <ShareOf ctx={ctx} share={f.resultDigitisedShare} n={f.resultDigitised} of={f.finished} />],
        [t("stats.term.cashless"), <ShareOf ctx={ctx} share={f.cashlessShare} n={f.cashless} of={f.feePaid} />],
        [t("stats.term.avgDays"), f.avgProcessingDays === null ? <NotAvailable t={t} /> : t("stats.days", { n: decimal(f.avgProcessingDays, locale) })],
        [
          t("stats.term.satisfaction"),
          f.avgRating === null ? (
            <NotAvailable t={t} />
          ) : (
            <>
              {t("stats.ratingValue", { avg: decimal(f.avgRating, locale), n: formatNumber(f.ratings, locale) })};{" "}
              {t("stats.col.goodRatingShare").toLocaleLowerCase(locale)} <Share ctx={ctx} value={f.goodRatingShare} />
            </>
          ),
        ],
      ]}
    />
  );
}

const rowLabel = (ctx: PageContext, r: { label: string; labelEn: string | null }) => (ctx.locale === "en" && r.labelEn ? r.labelEn : r.label);

function FiguresTable(props: { ctx: PageContext; report: FiguresReport }) {
  const { ctx, report } = props;
  const { t, locale } = ctx;
  const cells = (f: Figures) => (
    <>
      <td class="num">{formatNumber(f.received, locale)}</td>
      <td class="num">
        <Share ctx={ctx} value={f.onlineShare} />
      </td>
      <td class="num">{formatNumber(f.finished, locale)}</td>
      <td class="num">
        <Share ctx={ctx} value={f.onTimeShare} />
      </td>
      <td class="num">{formatNumber(f.late, locale)}</td>
      <td class="num">{formatNumber(f.inProgress, locale)}</td>
      <td class="num">{formatNumber(f.overdue, locale)}</td>
      <td class="num">
        <Share ctx={ctx} value={f.digitisedShare} />
      </td>
      <td class="num">
        <Share ctx={ctx} value={f.cashlessShare} />
      </td>
      <td class="num">
        <Num ctx={ctx} value={f.avgProcessingDays} />
      </td>
      <td class="num">
        <Num ctx={ctx} value={f.avgRating} />
      </td>
    </>
  );
  const heads: MessageKey[] = [
    "stats.col.received",
    "stats.col.onlineShare",
    "stats.col.finished",
    "stats.col.onTimeShare",
    "stats.col.late",
    "stats.col.inProgress",
    "stats.col.overdue",
    "stats.col.digitisedShare",
    "stats.col.cashlessShare",
    "stats.col.avgDays",
    "stats.col.avgRating",
  ];
  const byProcedure = report.groupBy === "procedure";
  return (
    <>
      <p class="hint" id="stats-table-hint">
        {t("stats.tableHint")}
      </p>
      {/* Focusable so that keyboard users can scroll the wide table too. */}
      <div class="table-wrap" role="region" aria-labelledby="stats-table-caption" aria-describedby="stats-table-hint" tabindex={0}>
        <table>
          <caption id="stats-table-caption">{t(`stats.tableCaption.${report.groupBy}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(byProcedure ? "stats.col.procedure" : "stats.col.commune")}</th>
              {heads.map((h) => (
                <th scope="col" class="num">
                  {t(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r: FigureRow) => (
              <tr>
                <th scope="row">
                  {rowLabel(ctx, r)} <small class="nowrap">({r.key})</small>
                </th>
                {cells(r)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("stats.total")}</th>
              {cells(report.totals)}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function Definitions(props: { t: Translate; only?: readonly MessageKey[] }) {
  const { t } = props;
  const shown = props.only ? DEFINITIONS.filter(([term]) => props.only!.includes(term)) : DEFINITIONS;
  return (
    <section aria-labelledby="how-computed">
      <h2 id="how-computed">{t("stats.def.title")}</h2>
      <p>{t("stats.def.intro")}</p>
      <dl class="summary">
        {shown.map(([term, def]) => (
          <div>
            <dt>{t(term)}</dt>
            <dd>{t(def)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The query string of the page without empty or unknown keys, for links. */
function queryOf(values: Record<string, string>): string {
  const qs = new URLSearchParams();
  for (const k of QUERY_KEYS) if (values[k]) qs.set(k, values[k]!);
  return qs.toString();
}

function queryValues(c: Context<AppEnv>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of QUERY_KEYS) {
    const v = c.req.query(k);
    if (v !== undefined) out[k] = v.trim();
  }
  return out;
}

export function registerStatsPages(app: Hono<AppEnv>, web: WebContext) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;

  app.get("/office/stats", async (c) => {
    const ctx = pageContext(c, web.assets, takeFlash(c, secure));
    const { t, locale } = ctx;
    const values = queryValues(c);
    const parsed = validateForm(StatsQuery, values);
    const uc = ctxOf(c);
    const report = parsed.ok ? await computeFigures(deps, uc, figuresInput(deps, parsed.data)) : null;
    const communes = await listStatsCommunes(deps, uc);
    const selected = report?.commune ?? null;
    if (selected && !communes.some((u) => u.code === selected)) {
      const unit = await getAdminUnit(deps, selected);
      communes.unshift({ code: unit.code, name: unit.fullName, nameEn: unit.fullNameEn });
    }
    const form: FormState = report
      ? { values: { commune: selected ?? "", from: report.from, to: report.to, groupBy: report.groupBy }, errors: [] }
      : { values, errors: parsed.ok ? [] : parsed.errors };
    const labels = { commune: t("stats.field.commune"), from: t("stats.field.from"), to: t("stats.field.to"), groupBy: t("stats.field.groupBy") };
    const chosen = communes.find((u) => u.code === selected);
    const scopeName = chosen ? rowLabel(ctx, { label: chosen.name, labelEn: chosen.nameEn }) : t("stats.field.communeAll");
    return c.html(
      <Layout ctx={ctx} title={t("stats.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("stats.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("stats.title")}</h1>
        <p>{t("stats.intro")}</p>
        <h2 id="filters">{t("stats.filters")}</h2>
        <form method="get" action="/office/stats" novalidate aria-labelledby="filters">
          <SelectField
            t={t}
            form={form}
            name="commune"
            label={labels.commune}
            options={[
              { value: "", label: t("stats.field.communeAll") },
              ...communes.map((u) => ({ value: u.code, label: rowLabel(ctx, { label: u.name, labelEn: u.nameEn }) })),
            ]}
          />
          <TextField t={t} form={form} name="from" label={labels.from} hint={t("stats.field.dayHint")} autocomplete="off" inputmode="numeric" />
          <TextField t={t} form={form} name="to" label={labels.to} hint={t("stats.field.dayHint")} autocomplete="off" inputmode="numeric" />
          <SelectField t={t} form={form} name="groupBy" label={labels.groupBy} options={GROUP_BY.map((g) => ({ value: g, label: t(`stats.groupBy.${g}`) }))} />
          <Button>{t("stats.show")}</Button>
        </form>
        {report && (
          <>
            <h2 id="headline">{t("stats.headline")}</h2>
            <p>
              {t("stats.period", { from: formatDate(dayDate(report.from), locale), to: formatDate(dayDate(report.to), locale) })}.{" "}
              {t("stats.scope", { scope: scopeName })}
            </p>
            <Headline ctx={ctx} f={report.totals} />
            <p>
              <a href={`/office/stats.xlsx?${queryOf(form.values)}`} download>
                {t("stats.download")}
              </a>
            </p>
            {report.rows.length === 0 ? <p>{t("stats.none")}</p> : <FiguresTable ctx={ctx} report={report} />}
          </>
        )}
        <Definitions t={t} />
      </Layout>,
      report ? 200 : 400,
    );
  });

  app.get("/office/stats.xlsx", async (c) => {
    const parsed = validateForm(StatsQuery, queryValues(c));
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const file = await exportFigures(deps, ctxOf(c), figuresInput(deps, parsed.data));
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename="${file.filename}"`,
    });
  });

  app.get("/figures", async (c) => {
    const ctx = pageContext(c, web.assets, takeFlash(c, secure));
    const { t } = ctx;
    const parsed = validateForm(PublicFiguresQuery, { ...(c.req.query("year") ? { year: c.req.query("year")! } : {}) });
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const year = parsed.data.year ?? yearOf(deps);
    const figures = await computePublicFigures(deps, year);
    return c.html(
      <Layout ctx={ctx} title={t("stats.public.title", { year })}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("stats.public.title", { year }) }]} />
        <h1>{t("stats.public.title", { year })}</h1>
        <p>{t("stats.public.intro")}</p>
        <nav aria-label={t("stats.public.yearNav")}>
          <ul class="pagination">
            <li>
              <a href={`/figures?year=${year - 1}`} rel="prev">
                « {t("stats.public.year", { year: year - 1 })}
              </a>
            </li>
            {year < yearOf(deps) && (
              <li>
                <a href={`/figures?year=${year + 1}`} rel="next">
                  {t("stats.public.year", { year: year + 1 })} »
                </a>
              </li>
            )}
          </ul>
        </nav>
        {figures.rows.length === 0 ? <p>{t("stats.public.none")}</p> : <PublicTable ctx={ctx} figures={figures} />}
        <Definitions t={t} only={["stats.term.received", "stats.term.online", "stats.term.onTime", "stats.term.satisfaction"]} />
      </Layout>,
    );
  });
}

function PublicTable(props: { ctx: PageContext; figures: PublicFigures }) {
  const { ctx, figures } = props;
  const { t, locale } = ctx;
  type Cells = PublicFigures["totals"];
  const cells = (f: Cells) => (
    <>
      <td class="num">{formatNumber(f.received, locale)}</td>
      <td class="num">
        <Share ctx={ctx} value={f.onlineShare} />
      </td>
      <td class="num">{formatNumber(f.finished, locale)}</td>
      <td class="num">
        <Share ctx={ctx} value={f.onTimeShare} />
      </td>
      <td class="num">
        <Num ctx={ctx} value={f.avgRating} />
      </td>
      <td class="num">{formatNumber(f.ratings, locale)}</td>
    </>
  );
  const heads: MessageKey[] = [
    "stats.col.received",
    "stats.col.onlineShare",
    "stats.col.finished",
    "stats.col.onTimeShare",
    "stats.col.avgRating",
    "stats.col.ratings",
  ];
  return (
    <div class="table-wrap" role="region" aria-labelledby="public-caption" tabindex={0}>
      <table>
        <caption id="public-caption">{t("stats.public.caption", { year: figures.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stats.col.commune")}</th>
            {heads.map((h) => (
              <th scope="col" class="num">
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.rows.map((r) => (
            <tr>
              <th scope="row">{rowLabel(ctx, r)}</th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("stats.total")}</th>
            {cells(figures.totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
