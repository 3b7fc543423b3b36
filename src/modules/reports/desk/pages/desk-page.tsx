// GET /office/reports: the desk. Tabs (new, mine, overdue, all) with their counts, filters and search in a plain GET
// form (no JavaScript), the list with overdue deadlines marked, paging and a printable list of the same query.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDate, formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, Field, SelectField, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { reportPaths } from "../../report-paths.ts";
import { REPORT_STATUSES } from "../../reports.model.ts";
import { deskFilterChoices, listDeskReports } from "../../use-cases/desk-list.ts";
import { DESK_TABS, DeskQuery } from "../desk.contract.ts";
import { categoryName, DueCell, placeText, queryParams, statusLabel } from "./desk-shared.tsx";

export function deskPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const parsed = validateForm(DeskQuery, c.req.query());
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const ctx = page(c);
    const { t, locale } = ctx;
    const list = await listDeskReports(deps, ctxOf(c), parsed.data);
    const choices = await deskFilterChoices(deps, { principal: p });
    const q = list.query;
    const title = t("reports.desk.title");
    const form = { values: Object.fromEntries(Object.entries(c.req.query()).map(([k, v]) => [k, String(v)])), errors: [] };
    const any = t("reports.desk.filter.any");
    const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
    const to = Math.min(list.total, list.page * list.pageSize);
    const has = (perm: Parameters<typeof scopePaths>[1]) => scopePaths(p, perm).length > 0;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: title }]} />
        <h1>{title}</h1>
        <p>{t("reports.desk.lead")}</p>
        <nav aria-label={t("reports.desk.links")}>
          <ul class="desk-tools">
            {has("report.assist") && (
              <li>
                <a href={reportPaths.officeNew}>{t("reports.desk.newReport")}</a>
              </li>
            )}
            {has("report.read") && (
              <li>
                <a href={reportPaths.officeFigures}>{t("reports.desk.figures")}</a>
              </li>
            )}
            {has("report.categories") && (
              <li>
                <a href={reportPaths.categories}>{t("reports.desk.categories")}</a>
              </li>
            )}
            <li>
              <a href={`${reportPaths.print}${queryParams(q, { page: undefined })}`}>{t("reports.desk.print")}</a>
            </li>
          </ul>
        </nav>
        <nav aria-label={t("reports.desk.tabs")}>
          <ul class="desk-tools">
            {DESK_TABS.map((tab) => (
              <li>
                <a
                  href={`${reportPaths.desk}${queryParams(q, { tab: tab === "all" ? undefined : tab, page: undefined })}`}
                  aria-current={tab === q.tab ? "page" : undefined}
                >
                  {t(`reports.desk.tab.${tab}`, { n: formatNumber(list.counts[tab], locale) })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {choices.open.byCategory.length > 0 && (
          <details>
            <summary>{t("reports.desk.openBreakdown")}</summary>
            <div>
              <section aria-labelledby="desk-open-category">
                <h2 id="desk-open-category">{t("reports.desk.openByCategory")}</h2>
                <ul>
                  {choices.open.byCategory.map((b) => (
                    <li>
                      <a href={`${reportPaths.desk}?category=${b.code}`}>{locale === "en" ? b.nameEn : b.nameVi}</a>: {formatNumber(b.n, locale)}
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="desk-open-village">
                <h2 id="desk-open-village">{t("reports.desk.openByVillage")}</h2>
                <ul>
                  {choices.open.byVillage.map((b) => (
                    <li>
                      {b.code ? <a href={`${reportPaths.desk}?village=${b.code}`}>{b.name ?? b.code}</a> : t("reports.desk.noVillage")}:{" "}
                      {formatNumber(b.n, locale)}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          </details>
        )}
        <form method="get" action={reportPaths.desk} class="filters" aria-label={t("reports.desk.filters")}>
          {q.tab !== "all" && <input type="hidden" name="tab" value={q.tab} />}
          <Field t={t} form={form} name="q" label={t("reports.desk.filter.q")} hint={t("reports.desk.filter.qHint")} />
          <SelectField
            t={t}
            form={form}
            name="category"
            label={t("reports.desk.filter.category")}
            placeholder={any}
            options={choices.categories.map((cat) => ({ value: cat.code, label: locale === "en" ? cat.nameEn : cat.nameVi }))}
          />
          {choices.communes.length > 1 && (
            <SelectField
              t={t}
              form={form}
              name="commune"
              label={t("reports.desk.filter.commune")}
              placeholder={any}
              options={choices.communes.map((u) => ({ value: u.code, label: u.name }))}
            />
          )}
          <SelectField
            t={t}
            form={form}
            name="village"
            label={t("reports.desk.filter.village")}
            placeholder={any}
            options={choices.villages.map((v) => ({ value: v.code, label: v.name }))}
          />
          <SelectField
            t={t}
            form={form}
            name="status"
            label={t("reports.desk.filter.status")}
            placeholder={any}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          />
          <Button>{t("reports.desk.filter.apply")}</Button> <a href={reportPaths.desk}>{t("reports.desk.filter.clear")}</a>
        </form>
        <p role="status">
          {t("reports.desk.showing", { from: formatNumber(from, locale), to: formatNumber(to, locale), total: formatNumber(list.total, locale) })}
        </p>
        <DataTable
          caption={t(`reports.desk.tab.${q.tab}`, { n: formatNumber(list.counts[q.tab], locale) })}
          stack
          rows={list.items}
          empty={<p>{t("reports.desk.none")}</p>}
          rowClass={(r) => (r.overdue ? "row--late" : undefined)}
          columns={[
            { header: t("reports.desk.col.code"), rowHeader: true, nowrap: true, cell: (r) => <a href={reportPaths.officeReport(r.id)}>{r.code}</a> },
            { header: t("reports.desk.col.category"), cell: (r) => categoryName(r, locale) },
            { header: t("reports.desk.col.place"), cell: (r) => placeText(r) },
            {
              header: t("reports.desk.col.description"),
              cell: (r) => (
                <>
                  {r.description}
                  {r.supportCount > 0 && <span class="hint"> ({t("reports.desk.supports", { n: r.supportCount })})</span>}
                  {r.hidden && (
                    <>
                      {" "}
                      <Tag tone="grey">{t("reports.desk.hidden")}</Tag>
                    </>
                  )}
                </>
              ),
            },
            { header: t("reports.desk.col.status"), cell: (r) => statusLabel(t, r.status) },
            { header: t("reports.desk.col.received"), nowrap: true, cell: (r) => formatDate(r.createdAt, locale) },
            { header: t("reports.desk.col.due"), nowrap: true, cell: (r) => <DueCell t={t} locale={locale} item={r} /> },
            { header: t("reports.desk.col.assignee"), cell: (r) => r.assigneeName ?? t("reports.desk.unassigned") },
          ]}
        />
        {(list.page > 1 || to < list.total) && (
          <nav aria-label={t("reports.desk.pages")}>
            <ul class="desk-tools">
              {list.page > 1 && (
                <li>
                  <a href={`${reportPaths.desk}${queryParams(q, { page: list.page - 1 })}`} rel="prev">
                    {t("reports.desk.prev")}
                  </a>
                </li>
              )}
              {to < list.total && (
                <li>
                  <a href={`${reportPaths.desk}${queryParams(q, { page: list.page + 1 })}`} rel="next">
                    {t("reports.desk.next")}
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
      </Layout>,
    );
  };
}
