// GET /office/stats: the office's figures (filters, headline figures, a table, how each figure is computed,
// the XLSX download link). Works without JavaScript.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, ErrorSummary, Field, type FormState, SelectField, SummaryList } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { BASES, type FigureRow, type Figures, type FiguresReport, GROUP_BY, StatsQuery } from "../dossier-stats.contract.ts";
import { computeFigures, figuresInput, listStatsCommunes } from "../use-cases/compute-figures.ts";
import { Definitions } from "./definitions.tsx";
import { decimal, FiguresTable, formatShare, NotAvailable, OFFICE_FIGURES, rowLabel, Share } from "./figures-table.tsx";
import { queryOf, typedQuery } from "./stats-query.ts";
import { withDayErrors } from "../../../platform/text/day-input.ts";
import { localNoon } from "../../../platform/calendar/vietnam-time.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";

const dayDate = localNoon;

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
        [t("stats.term.online"), <ShareOf ctx={ctx} share={f.onlineShare} n={f.online} of={f.onlineOffered} />],
        [t("stats.term.onTime"), <ShareOf ctx={ctx} share={f.onTimeShare} n={f.early + f.onTime} of={f.finished} />],
        [
          t("stats.term.timing"),
          t("stats.timingValue", { early: formatNumber(f.early, locale), onTime: formatNumber(f.onTime, locale), late: formatNumber(f.late, locale) }),
        ],
        [t("stats.term.refused"), formatNumber(f.refused, locale)],
        [t("stats.term.inProgress"), t("stats.inProgressValue", { n: formatNumber(f.inProgress, locale), overdue: formatNumber(f.overdue, locale) })],
        [t("stats.term.digitised"), <ShareOf ctx={ctx} share={f.digitisedShare} n={f.digitised} of={f.received} />],
        [t("stats.term.originalSeen"), formatNumber(f.originalSeen, locale)],
        [t("stats.term.vaultReused"), <ShareOf ctx={ctx} share={f.vaultReusedShare} n={f.vaultReused} of={f.received} />],
        [t("stats.term.resultDigitised"), <ShareOf ctx={ctx} share={f.resultDigitisedShare} n={f.resultDigitised} of={f.finished} />],
        [t("stats.term.cashless"), <ShareOf ctx={ctx} share={f.cashlessShare} n={f.cashless} of={f.withFee} />],
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

function ReportTable(props: { ctx: PageContext; report: FiguresReport }) {
  const { ctx, report } = props;
  const { t } = ctx;
  return (
    <>
      <p class="hint" id="stats-table-hint">
        {t("stats.tableHint")}
      </p>
      <FiguresTable
        ctx={ctx}
        caption={t(`stats.tableCaption.${report.groupBy}`)}
        id="stats-table-caption"
        describedBy="stats-table-hint"
        rowHeader={report.groupBy === "procedure" ? "stats.col.procedure" : "stats.col.commune"}
        rowName={(r: FigureRow) => (
          <>
            {rowLabel(ctx, r)} <small class="nowrap">({r.key})</small>
          </>
        )}
        figures={OFFICE_FIGURES}
        rows={report.rows}
        totals={report.totals}
      />
    </>
  );
}

export function officeStatsPage(web: WebContext) {
  const { deps, page } = pageKit(web);
  return async (c: Context<AppEnv>) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const { raw, values, dayErrors } = typedQuery(c);
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
      ? { values: { commune: selected ?? "", from: report.from, to: report.to, groupBy: report.groupBy, basis: report.basis }, errors: [] }
      : { values: raw, errors: parsed.ok ? [] : withDayErrors(parsed.errors, dayErrors) };
    const labels = {
      commune: t("stats.field.commune"),
      basis: t("stats.field.basis"),
      from: t("stats.field.from"),
      to: t("stats.field.to"),
      groupBy: t("stats.field.groupBy"),
    };
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
          <SelectField t={t} form={form} name="basis" label={labels.basis} options={BASES.map((b) => ({ value: b, label: t(`stats.basis.${b}`) }))} />
          <Field t={t} form={form} name="from" kind="date" label={labels.from} hint={t("stats.field.dayHint")} autocomplete="off" />
          <Field t={t} form={form} name="to" kind="date" label={labels.to} hint={t("stats.field.dayHint")} autocomplete="off" />
          <SelectField t={t} form={form} name="groupBy" label={labels.groupBy} options={GROUP_BY.map((g) => ({ value: g, label: t(`stats.groupBy.${g}`) }))} />
          <Button>{t("stats.show")}</Button>
        </form>
        {report && (
          <>
            <h2 id="headline">{t("stats.headline")}</h2>
            <p>
              {t(report.basis === "decided" ? "stats.period.decided" : "stats.period", {
                from: formatDate(dayDate(report.from), locale),
                to: formatDate(dayDate(report.to), locale),
              })}
              . {t("stats.scope", { scope: scopeName })}
            </p>
            <Headline ctx={ctx} f={report.totals} />
            <p>
              <a href={`/office/stats.xlsx?${queryOf(form.values)}`} download>
                {t("stats.download")}
              </a>
            </p>
            {report.rows.length === 0 ? <p>{t("stats.none")}</p> : <ReportTable ctx={ctx} report={report} />}
          </>
        )}
        <Definitions t={t} />
      </Layout>,
      report ? 200 : 400,
    );
  };
}
