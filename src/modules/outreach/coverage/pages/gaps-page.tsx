// GET /office/coverage/gaps: who still needs what, by village then address, with filters; and
// GET /office/coverage/gaps/print: the same list alone on the page (no navigation), for printing as the visit plan.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { pageKit } from "../../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../../platform/http/web-context.ts";
import { formatDate, formatNumber } from "../../../../platform/i18n/format.ts";
import { localNoon } from "../../../../platform/calendar/vietnam-time.ts";
import { Breadcrumbs, Button, type FormState, SelectField } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { PrintLayout } from "../../../../platform/views/print-layout.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { listGaps } from "../../use-cases/coverage-gaps.ts";
import { GapsQuery, type GapsReport } from "../coverage.contract.ts";
import { labelOf, nameOf, queryOf, queryValues } from "./shared.tsx";

type Gap = GapsReport["rows"][number];

function GapTable(props: { ctx: PageContext; report: GapsReport }) {
  const { ctx, report } = props;
  const { t, locale } = ctx;
  const label = new Map(report.skills.map((s) => [s.key, labelOf(s, ctx)]));
  return (
    <DataTable
      caption={t("coverage.gaps.title")}
      id="gaps"
      stack
      columns={[
        { header: t("coverage.gaps.col.village"), cell: (g: Gap) => g.villageName },
        { header: t("coverage.gaps.col.address"), cell: (g) => g.address },
        { header: t("coverage.gaps.col.name"), cell: (g) => g.fullName, rowHeader: true },
        { header: t("coverage.gaps.col.birthYear"), cell: (g) => String(g.birthYear), num: true },
        { header: t("coverage.gaps.col.missing"), cell: (g) => g.missing.map((k) => label.get(k) ?? k).join("; ") },
        {
          header: t("coverage.gaps.col.lastVisit"),
          nowrap: true,
          cell: (g) => (g.lastVisitOn ? formatDate(localNoon(g.lastVisitOn), locale) : t("coverage.gaps.never")),
        },
      ]}
      rows={report.rows}
      empty={<p>{t("coverage.gaps.none")}</p>}
    />
  );
}

function Counted(props: { ctx: PageContext; report: GapsReport }) {
  const { t, locale } = props.ctx;
  return (
    <p>
      {t("coverage.gaps.count", { n: formatNumber(props.report.rows.length, locale) })}{" "}
      {props.report.truncated && <strong>{t("coverage.gaps.truncated", { n: formatNumber(props.report.limit, locale) })}</strong>}
    </p>
  );
}

async function load(web: WebContext, c: Context<AppEnv>) {
  const raw = queryValues(c);
  const parsed = validateForm(GapsQuery, raw);
  if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
  return { raw, input: parsed.data, report: await listGaps(web.deps, ctxOf(c), parsed.data) };
}

export function gapsPage(web: WebContext) {
  const { page } = pageKit(web);
  return async (c: Context<AppEnv>) => {
    const ctx = page(c);
    const { t } = ctx;
    const { input, report } = await load(web, c);
    const form: FormState = { values: { skill: input.skill ?? "" }, errors: [] };
    const scope = nameOf(report.unit, ctx);
    return c.html(
      <Layout ctx={ctx} title={`${t("coverage.gaps.title")} – ${scope}`} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: `/office/coverage?${queryOf({ unit: input.unit })}`, label: t("coverage.title") },
            { label: t("coverage.gaps.title") },
          ]}
        />
        <h1>
          {t("coverage.gaps.title")}: <span>{scope}</span>
        </h1>
        <p>{t("coverage.gaps.intro")}</p>
        <form method="get" action="/office/coverage/gaps" novalidate class="no-print">
          {input.unit && <input type="hidden" name="unit" value={input.unit} />}
          {input.village && <input type="hidden" name="village" value={input.village} />}
          {input.team && <input type="hidden" name="team" value={input.team} />}
          <SelectField
            t={t}
            form={form}
            name="skill"
            label={t("coverage.field.skill")}
            options={[{ value: "", label: t("coverage.field.skillAll") }, ...report.skills.map((s) => ({ value: s.key, label: labelOf(s, ctx) }))]}
          />
          <Button>{t("coverage.show")}</Button>
        </form>
        <ul class="desk-tools no-print">
          <li>
            <a href={`/office/coverage/gaps/print?${queryOf(input)}`}>{t("coverage.gaps.print")}</a>
          </li>
          <li>
            <a href={`/office/coverage.xlsx?${queryOf(input)}`} download>
              {t("coverage.download")}
            </a>
          </li>
        </ul>
        <Counted ctx={ctx} report={report} />
        <GapTable ctx={ctx} report={report} />
      </Layout>,
    );
  };
}

/** The list alone, for paper: the site's stylesheet, no header, navigation or footer. */
export function gapsPrintPage(web: WebContext) {
  const { page } = pageKit(web);
  return async (c: Context<AppEnv>) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const { report } = await load(web, c);
    const title = t("coverage.gaps.printTitle", { scope: nameOf(report.unit, ctx) });
    return c.html(
      <PrintLayout ctx={ctx} title={title}>
        <main id="main" class="print-sheet">
          <h1>{title}</h1>
          <p>{formatDate(web.deps.clock.now(), locale)}</p>
          <Counted ctx={ctx} report={report} />
          <GapTable ctx={ctx} report={report} />
        </main>
      </PrintLayout>,
    );
  };
}
