// GET /office/notices: the office list. Tabs (drafts, in review — what awaits an approver —, scheduled, published,
// withdrawn) with their counts, a category filter and a title search in a plain GET form, 50 a page.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, Field, SelectField, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { NOTICE_CATEGORIES } from "../../notices.model.ts";
import { listOfficeNotices } from "../../use-cases/authoring-list.ts";
import { DESK_TABS, NoticeListQuery, type NoticeListQuery as Query } from "../authoring.contract.ts";
import { categoryText, channelText } from "./shared.tsx";

const link = (q: Query, over: Partial<Record<keyof Query, string | number | undefined>>) => {
  const s = new URLSearchParams();
  const all = { tab: q.tab, category: q.category, q: q.q, page: q.page > 1 ? q.page : undefined, ...over };
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "") s.set(k, String(v));
  const qs = s.toString();
  return qs ? `${noticePaths.desk}?${qs}` : noticePaths.desk;
};

export function noticesListPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const parsed = validateForm(NoticeListQuery, c.req.query());
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const list = await listOfficeNotices(deps, useCaseContext(c), parsed.data);
    const ctx = page(c);
    const { t, locale } = ctx;
    const q = list.query;
    const title = t("notices.authoring.title");
    const form = { values: Object.fromEntries(Object.entries(c.req.query()).map(([k, v]) => [k, String(v)])), errors: [] };
    const to = Math.min(list.total, list.page * list.pageSize);
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: title }]} />
        <h1>{title}</h1>
        <p>{t("notices.authoring.lead")}</p>
        {scopePaths(p, "notice.draft").length > 0 && (
          <p>
            <a class="button" href={noticePaths.officeNew}>
              {t("notices.authoring.new")}
            </a>
          </p>
        )}
        {/* The notices' other desks, for those allowed: stations, channels, residents' choices at the desk. */}
        <ul class="desk-tools">
          {scopePaths(p, "broadcast.manage").length > 0 && (
            <li>
              <a href={noticePaths.stations}>{t("notices.loudspeakers.title")}</a>
            </li>
          )}
          {scopePaths(p, "notice.channels").length > 0 && (
            <li>
              <a href={noticePaths.channelSettings}>{t("notices.channels.home.link")}</a>
            </li>
          )}
          {scopePaths(p, "notice.preferences").length > 0 && (
            <li>
              <a href={noticePaths.deskPreferences}>{t("notices.preferences.desk.title")}</a>
            </li>
          )}
        </ul>
        <nav aria-label={t("notices.authoring.tabs")}>
          <ul class="desk-tools">
            {DESK_TABS.map((tab) => (
              <li>
                <a href={link(q, { tab, page: undefined })} aria-current={tab === q.tab ? "page" : undefined}>
                  {t(`notices.authoring.tab.${tab}`, { n: formatNumber(list.counts[tab], locale) })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action={noticePaths.desk} class="filters" aria-label={t("notices.authoring.filters")}>
          <input type="hidden" name="tab" value={q.tab} />
          <Field t={t} form={form} name="q" label={t("notices.authoring.filter.q")} />
          <SelectField
            t={t}
            form={form}
            name="category"
            label={t("notices.authoring.filter.category")}
            placeholder={t("notices.authoring.filter.any")}
            options={NOTICE_CATEGORIES.map((x) => ({ value: x, label: categoryText(t, x) }))}
          />
          <Button>{t("notices.authoring.filter.apply")}</Button>
        </form>
        <DataTable
          caption={t(`notices.authoring.tab.${q.tab}`, { n: formatNumber(list.counts[q.tab], locale) })}
          stack
          rows={list.items}
          empty={<p>{t("notices.authoring.none")}</p>}
          columns={[
            {
              header: t("notices.authoring.col.title"),
              rowHeader: true,
              cell: (n) => (
                <>
                  <a href={noticePaths.officeNotice(n.id)}>{n.title}</a>
                  {n.reviewSkipped && (
                    <>
                      {" "}
                      <Tag tone="red">{t("notices.authoring.reviewSkipped")}</Tag>
                    </>
                  )}
                </>
              ),
            },
            { header: t("notices.authoring.col.category"), cell: (n) => categoryText(t, n.category) },
            { header: t("notices.authoring.col.channels"), cell: (n) => n.channels.map((ch) => channelText(t, ch)).join(", ") },
            {
              header: t("notices.authoring.col.when"),
              nowrap: true,
              cell: (n) => formatDateTime((q.tab === "scheduled" ? n.scheduledAt : q.tab === "published" ? n.publishedAt : null) ?? n.updatedAt, locale),
            },
          ]}
        />
        {(list.page > 1 || to < list.total) && (
          <nav aria-label={t("nav.pagination")}>
            <ul class="desk-tools">
              {list.page > 1 && (
                <li>
                  <a href={link(q, { page: list.page - 1 })} rel="prev">
                    {t("notices.authoring.prev")}
                  </a>
                </li>
              )}
              {to < list.total && (
                <li>
                  <a href={link(q, { page: list.page + 1 })} rel="next">
                    {t("notices.authoring.next")}
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
