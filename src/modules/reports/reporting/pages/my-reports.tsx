// /me/reports: the signed-in reporter's reports, with confirm and reopen where an answer waits for them.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { ErrorSummary, type FormState } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { reportPaths } from "../../report-paths.ts";
import { confirmReport } from "../../use-cases/report-confirm.ts";
import { listMyReports } from "../../use-cases/report-follow.ts";
import { reopenReport } from "../../use-cases/report-reopen.ts";
import { awaitingReporter, conflictField, privateHeaders, ReporterAnswer } from "./follow.tsx";
import { StatusTag } from "./shared.tsx";

export const myReportPath = (code: string) => `${reportPaths.myReports}/${encodeURIComponent(code)}`;

export function myReportsPages(kit: PageKit) {
  const { deps, page, secure } = kit;

  const list = async (c: Context<AppEnv>, form?: FormState & { code?: string }, status: 200 | 400 | 409 = 200) => {
    requireSignedIn(c);
    privateHeaders(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const rows = await listMyReports(deps, useCaseContext(c));
    const now = deps.clock.now();
    const waiting = rows.filter((r) => awaitingReporter(r, now));
    return c.html(
      <Layout ctx={ctx} title={t("reports.reporting.mine.title")}>
        <ErrorSummary
          t={t}
          errors={form?.errors ?? []}
          labels={{ satisfaction: t("reports.reporting.follow.satisfaction"), reason: t("reports.reporting.follow.reopenReason") }}
        />
        <h1>{t("reports.reporting.mine.title")}</h1>
        <p>
          <a href="/reports">{t("reports.reporting.title")}</a>
        </p>
        <DataTable
          caption={t("reports.reporting.mine.title")}
          stack
          rows={rows}
          empty={<p>{t("reports.reporting.mine.none")}</p>}
          columns={[
            { header: t("reports.reporting.mine.code"), rowHeader: true, nowrap: true, cell: (r) => <a href={reportPaths.publicReport(r.code)}>{r.code}</a> },
            { header: t("reports.reporting.mine.category"), cell: (r) => (locale === "en" ? r.categoryNameEn : r.categoryNameVi) },
            { header: t("reports.reporting.follow.place"), cell: (r) => [r.placeName, r.landmark].filter(Boolean).join(" – ") },
            { header: t("reports.reporting.mine.sentAt"), nowrap: true, cell: (r) => formatDate(r.createdAt, locale) },
            { header: t("reports.reporting.mine.status"), cell: (r) => <StatusTag t={t} status={r.status} /> },
          ]}
        />
        {waiting.map((r) => (
          <div class="panel">
            <h2>{r.code}</h2>
            {r.answer && <p class="report-text">{r.answer}</p>}
            <ReporterAnswer ctx={ctx} r={r} base={myReportPath(r.code)} form={form?.code === r.code ? form : undefined} idPrefix={`${r.code}-`} />
          </div>
        ))}
      </Layout>,
      status,
    );
  };

  const act = (which: "confirm" | "reopen") => async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const code = c.req.param("code") ?? "";
    const body = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("_")));
    const proof = { code, account: true as const };
    try {
      if (which === "confirm") await confirmReport(deps, useCaseContext(c), proof, { satisfaction: values.satisfaction });
      else await reopenReport(deps, useCaseContext(c), proof, { reason: values.reason });
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) return list(c, { values, errors: err.fields, code }, 400);
      if (err instanceof AppError && err.code === "conflict") return list(c, { values, errors: [conflictField(err)], code }, 409);
      throw err;
    }
    setFlash(c, which === "confirm" ? "reports.flash.reporting.confirmed" : "reports.flash.reporting.reopened", secure);
    return c.redirect(reportPaths.myReports, 303);
  };

  return { list: (c: Context<AppEnv>) => list(c), confirm: act("confirm"), reopen: act("reopen") };
}
