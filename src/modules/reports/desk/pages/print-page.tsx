// GET /office/reports/print: the desk's list for paper, the same query, up to PRINT_LIMIT rows (no navigation).
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDate, formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { PrintLayout } from "../../../../platform/views/print-layout.tsx";
import { listDeskReports } from "../../use-cases/desk-list.ts";
import { DeskQuery, PRINT_LIMIT } from "../desk.contract.ts";
import { categoryName, DueCell, placeText, statusLabel } from "./desk-shared.tsx";

export function printPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const parsed = validateForm(DeskQuery, c.req.query());
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const ctx = page(c);
    const { t, locale } = ctx;
    const list = await listDeskReports(deps, ctxOf(c), { ...parsed.data, page: 1 }, { limit: PRINT_LIMIT });
    const title = t("reports.desk.printTitle");
    const caption = t(`reports.desk.tab.${list.query.tab}`, { n: formatNumber(list.total, locale) });
    return c.html(
      <PrintLayout ctx={ctx} title={title}>
        <main class="print">
          <h1>{title}</h1>
          <p>{t("reports.desk.printedAt", { at: formatDateTime(deps.clock.now(), locale), total: formatNumber(list.total, locale) })}</p>
          {list.total > list.items.length && <p>{t("reports.desk.printTruncated", { n: formatNumber(PRINT_LIMIT, locale) })}</p>}
          <DataTable
            caption={caption}
            showCaption
            rows={list.items}
            empty={<p>{t("reports.desk.none")}</p>}
            columns={[
              { header: t("reports.desk.col.code"), rowHeader: true, nowrap: true, cell: (r) => r.code },
              { header: t("reports.desk.col.category"), cell: (r) => categoryName(r, locale) },
              { header: t("reports.desk.col.place"), cell: (r) => placeText(r) },
              { header: t("reports.desk.col.description"), cell: (r) => r.description },
              { header: t("reports.desk.col.status"), cell: (r) => statusLabel(t, r.status) },
              { header: t("reports.desk.col.received"), nowrap: true, cell: (r) => formatDate(r.createdAt, locale) },
              { header: t("reports.desk.col.due"), nowrap: true, cell: (r) => <DueCell t={t} locale={locale} item={r} /> },
              { header: t("reports.desk.col.assignee"), cell: (r) => r.assigneeName ?? t("reports.desk.unassigned") },
            ]}
          />
        </main>
      </PrintLayout>,
    );
  };
}
