// GET /office/coverage: a unit's coverage with one row per commune, village or team, each linked one level down.
// Works without JavaScript; the rows become cards on a phone.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { pageKit } from "../../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../../platform/http/web-context.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Breadcrumbs, Button, ErrorSummary, Field, type FormState, SummaryList } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { computeCoverage } from "../../use-cases/coverage-compute.ts";
import { CoverageQuery, type CoverageReport, type CoverageRow } from "../coverage.contract.ts";
import { labelOf, nameOf, queryOf, queryValues, ShareOf } from "./shared.tsx";

function RowName(props: { ctx: PageContext; row: CoverageRow; report: CoverageReport }) {
  const { ctx, row, report } = props;
  if (row.kind === "unassigned") return <>{ctx.t("coverage.unassigned")}</>;
  const name = nameOf(row, ctx);
  if (row.kind === "team") return <a href={`/office/coverage/gaps?${queryOf({ unit: report.unit.code, team: row.key })}`}>{name}</a>;
  return <a href={`/office/coverage?${queryOf({ unit: row.key, staleDays: report.staleDays })}`}>{name}</a>;
}

function Figures(props: { ctx: PageContext; report: CoverageReport }) {
  const { ctx, report } = props;
  const { t, locale } = ctx;
  const f = report.total;
  return (
    <>
      <SummaryList
        rows={[
          [t("coverage.col.households"), formatNumber(f.households, locale)],
          [t("coverage.col.proficient"), <ShareOf ctx={ctx} share={f.proficientShare} n={f.proficientHouseholds} of={f.households} />],
          [t("coverage.col.never"), formatNumber(f.neverVisited, locale)],
          [t("coverage.col.stale", { days: report.staleDays }), formatNumber(f.staleVisited, locale)],
          [t("coverage.col.adults"), formatNumber(f.adults, locale)],
        ]}
      />
      <DataTable
        caption={t("coverage.skillsCaption")}
        showCaption
        id="coverage-skills"
        columns={[
          { header: t("coverage.col.skill"), cell: (s: CoverageReport["skills"][number]) => labelOf(s, ctx), rowHeader: true },
          {
            header: t("coverage.col.adultsWith"),
            num: true,
            cell: (_s, i) => {
              const x = f.skills[i]!;
              return <ShareOf ctx={ctx} share={x.share} n={x.adults} of={f.adults} />;
            },
          },
        ]}
        rows={report.skills}
      />
    </>
  );
}

function Rows(props: { ctx: PageContext; report: CoverageReport }) {
  const { ctx, report } = props;
  const { t, locale } = ctx;
  const caption = report.partial
    ? t("coverage.rows.teams")
    : t(`coverage.rows.${report.unit.level === "commune" ? "commune" : report.unit.level === "village" ? "village" : "province"}`);
  return (
    <DataTable
      caption={caption}
      showCaption
      id="coverage-rows"
      stack
      columns={[
        { header: t("coverage.col.unit"), cell: (r: CoverageRow) => <RowName ctx={ctx} row={r} report={report} />, rowHeader: true },
        { header: t("coverage.col.households"), num: true, cell: (r) => formatNumber(r.households, locale) },
        {
          header: t("coverage.col.proficient"),
          num: true,
          cell: (r) => <ShareOf ctx={ctx} share={r.proficientShare} n={r.proficientHouseholds} of={r.households} />,
        },
        { header: t("coverage.col.never"), num: true, cell: (r) => formatNumber(r.neverVisited, locale) },
        { header: t("coverage.col.stale", { days: report.staleDays }), num: true, cell: (r) => formatNumber(r.staleVisited, locale) },
        { header: t("coverage.col.adults"), num: true, cell: (r) => formatNumber(r.adults, locale) },
        ...report.skills.map((s, i) => ({
          header: labelOf(s, ctx),
          num: true,
          cell: (r: CoverageRow) => <ShareOf ctx={ctx} share={r.skills[i]!.share} n={r.skills[i]!.adults} of={r.adults} />,
        })),
      ]}
      rows={report.rows}
      empty={<p>{t("coverage.none")}</p>}
    />
  );
}

export function Definitions(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <>
      <h2 id="definitions">{t("coverage.definitions")}</h2>
      <p>{t("coverage.def.proficient")}</p>
      <p>{t("coverage.def.adults")}</p>
      <p>{t("coverage.def.visits")}</p>
    </>
  );
}

export function coveragePage(web: WebContext) {
  const { deps, page } = pageKit(web);
  return async (c: Context<AppEnv>) => {
    const ctx = page(c);
    const { t } = ctx;
    const raw = queryValues(c);
    const parsed = validateForm(CoverageQuery, raw);
    if (!parsed.ok && parsed.errors.some((e) => e.field !== "staleDays")) {
      throw new AppError("validation", "error.validation", parsed.errors);
    }
    const report = parsed.ok ? await computeCoverage(deps, ctxOf(c), parsed.data) : null;
    const form: FormState = report ? { values: { staleDays: String(report.staleDays) }, errors: [] } : { values: raw, errors: parsed.ok ? [] : parsed.errors };
    const labels = { staleDays: t("coverage.field.staleDays") };
    const unitName = report ? nameOf(report.unit, ctx) : "";
    return c.html(
      <Layout ctx={ctx} title={report ? `${t("coverage.title")} – ${unitName}` : t("coverage.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("coverage.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>
          {t("coverage.title")}
          {report && (
            <>
              : <span>{unitName}</span>
            </>
          )}
        </h1>
        <p>{t("coverage.intro")}</p>
        {report?.partial && <p class="notice">{t("coverage.scopeTeams")}</p>}
        <form method="get" action="/office/coverage" novalidate>
          {raw.unit && <input type="hidden" name="unit" value={raw.unit} />}
          <Field t={t} form={form} name="staleDays" label={labels.staleDays} hint={t("coverage.field.staleDaysHint")} kind="decimal" autocomplete="off" />
          <Button>{t("coverage.show")}</Button>
        </form>
        {report && (
          <>
            <Figures ctx={ctx} report={report} />
            <ul class="desk-tools">
              <li>
                <a href={`/office/coverage/gaps?${queryOf({ unit: report.unit.code })}`}>{t("coverage.gapsLink")}</a>
              </li>
              <li>
                <a href={`/office/coverage.xlsx?${queryOf({ unit: report.unit.code, staleDays: report.staleDays })}`} download>
                  {t("coverage.download")}
                </a>
              </li>
            </ul>
            <Rows ctx={ctx} report={report} />
          </>
        )}
        <Definitions ctx={ctx} />
      </Layout>,
      report ? 200 : 400,
    );
  };
}
