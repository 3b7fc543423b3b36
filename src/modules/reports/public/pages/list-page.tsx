// GET /reports/:commune: the commune's public reports, newest first, with filters (a GET form) and paging. No
// personal data: the repository selects no reporter column. Cacheable for anonymous visitors (the page cache).
import type { Context } from "hono";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, ErrorSummary, Pagination } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { reportPaths } from "../../report-paths.ts";
import { listPublicReportPage } from "../../use-cases/public-list.ts";
import { PublicListQuery } from "../public.contract.ts";
import { dateText, FilterForm, filterLabels, filterParams, filterQuery, localName, recentMonths, ReportPhoto, ReportsCss, StatusTag } from "./shared.tsx";

const FILTER_NAMES = ["status", "category", "village", "month", "cursor"] as const;

export function listPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const communeCode = c.req.param("commune") as string;
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const raw: Record<string, string> = {};
    for (const name of FILTER_NAMES) raw[name] = c.req.query(name) ?? "";
    const parsed = validateForm(PublicListQuery, raw);
    // Bad filters: the page with an error naming the field (400), no results; the commune must still exist.
    const query: PublicListQuery = parsed.ok ? parsed.data : {};
    const result = parsed.ok
      ? await listPublicReportPage(kit.deps, communeCode, query)
      : { ...(await listPublicReportPage(kit.deps, communeCode, {})), items: [], nextCursor: null };
    const commune = result.commune;
    const errors = parsed.ok ? [] : parsed.errors;
    const name = localName(locale, commune.fullName, commune.fullNameEn) ?? commune.fullName;
    const filtered = parsed.ok ? filterParams(query) : {};
    const mapQuery = filterQuery(filtered).toString();
    if (!parsed.ok) c.status(400);
    return c.html(
      <Layout ctx={ctx} title={t("reports.public.listTitle", { commune: name })}>
        <ReportsCss assets={ctx.assets} />
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { href: reportPaths.index, label: t("reports.public.title") }, { label: name }]} />
        <ErrorSummary t={t} errors={errors} labels={{ ...filterLabels(t), cursor: t("nav.nextPage") }} />
        <h1>{t("reports.public.listTitle", { commune: name })}</h1>
        <p class="lead">{t("reports.public.listLead")}</p>
        <ul class="report-links">
          <li>
            <a class="button" href={reportPaths.newReport(communeCode)}>
              {t("reports.public.newReport")}
            </a>
          </li>
          {kit.deps.config.map.tileUrl && (
            <li>
              <a href={mapQuery ? `${reportPaths.publicMap(communeCode)}?${mapQuery}` : reportPaths.publicMap(communeCode)}>{t("reports.public.viewMap")}</a>
            </li>
          )}
        </ul>
        <FilterForm
          t={t}
          locale={locale}
          action={reportPaths.publicList(communeCode)}
          values={Object.fromEntries(FILTER_NAMES.filter((n) => n !== "cursor").map((n) => [n, raw[n] ?? ""]))}
          errors={errors}
          categories={result.categories}
          villages={result.villages}
          months={recentMonths(kit.deps.clock.now())}
        />
        {result.items.length === 0 && (
          <p>{Object.values(filtered).some(Boolean) || !parsed.ok ? t("reports.public.noResults") : t("reports.public.noReports")}</p>
        )}
        <ul class="cards">
          {result.items.map((r) => (
            <li>
              {r.photoId && (
                <ReportPhoto id={r.photoId} width={r.photoWidth} height={r.photoHeight} max={320} alt={t("reports.public.photoAlt", { code: r.code })} />
              )}
              <h2 class="report-card__title">
                <a href={reportPaths.publicReport(r.code)}>{locale === "en" ? r.categoryEn : r.categoryVi}</a>
              </h2>
              <p>
                <StatusTag t={t} status={r.status} /> <span class="report-meta">{r.code}</span>
              </p>
              <p class="report-meta">
                {[localName(locale, r.villageVi, r.villageEn), r.landmark].filter(Boolean).join(" – ")}
                <br />
                {t("reports.public.sentOn", { date: dateText(r.createdAt, locale) })}
                {r.supportCount > 0 && (
                  <>
                    {" · "}
                    {t("reports.public.supportCount", { count: formatNumber(r.supportCount, locale) })}
                  </>
                )}
              </p>
              <p>{r.summary}</p>
              {r.answerLine && (
                <p>
                  <strong>{t("reports.public.answerLabel")}</strong> {r.answerLine}
                </p>
              )}
            </li>
          ))}
        </ul>
        <Pagination
          t={t}
          basePath={reportPaths.publicList(communeCode)}
          params={filtered}
          nextCursor={result.nextCursor}
          isFirst={!(parsed.ok && query.cursor)}
        />
      </Layout>,
    );
  };
}
