// GET /notices/:commune and /notices/:commune/village/:village: a commune's (or one village's) notices, the ones in
// force first with emergencies on top and highlighted, then the earlier ones; a GET filter form and page links, so it
// all works without JavaScript. The head links the RSS and Atom feeds of the same selection.
import type { Context } from "hono";
import { NOTICE_CATEGORIES } from "../../notices.model.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, ErrorSummary, SelectField } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import type { FieldError } from "../../../../platform/http/app-error.ts";
import { noticePaths } from "../../notice-paths.ts";
import { summaryOf } from "../../use-cases/public-feed.ts";
import { listPublicNoticePage } from "../../use-cases/public-list.ts";
import { PublicNoticeFilters } from "../public.contract.ts";
import type { PublicNoticeItem, UnitOption } from "../public.repository.ts";
import { CategoryTag, HTML, localName, NoticesCss, publicBody, validityText } from "./shared.tsx";

const FILTER_NAMES = ["category", "village", "page"] as const;

const filterLabels = (t: Translate) => ({
  category: t("notices.public.filterCategory"),
  village: t("notices.public.filterVillage"),
  page: t("notices.public.filterPage"),
});

function link(path: string, params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export function listPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const communeCode = c.req.param("commune") as string;
    const pathVillage = c.req.param("village");
    const raw: Record<string, string> = {};
    for (const name of FILTER_NAMES) raw[name] = c.req.query(name) ?? "";
    if (pathVillage !== undefined) raw.village = pathVillage;
    // The filter form's village choice on the commune's page goes to the village's own address (shareable, and its feed).
    if (pathVillage === undefined && /^\d{5}\.\d{3}$/.test(raw.village ?? "") && raw.village?.startsWith(`${communeCode}.`)) {
      return c.redirect(link(noticePaths.villageList(communeCode, raw.village), { category: raw.category }), 303);
    }
    const parsed = validateForm(PublicNoticeFilters, raw);
    if (!parsed.ok && pathVillage !== undefined && parsed.errors.some((e) => e.field === "village")) {
      return c.notFound();
    }
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    let errors: FieldError[] = parsed.ok ? [] : parsed.errors;
    let result: Awaited<ReturnType<typeof listPublicNoticePage>>;
    if (parsed.ok) {
      try {
        result = await listPublicNoticePage(kit.deps, communeCode, parsed.data, pathVillage !== undefined ? "path" : "query");
      } catch (err) {
        // A village of another commune as a filter: the page with the field's error (the commune must still exist).
        const fields = (err as { fields?: FieldError[] }).fields;
        if (!fields?.length) throw err;
        errors = fields;
        result = { ...(await listPublicNoticePage(kit.deps, communeCode, {})), items: [], nextPage: null };
      }
    } else {
      result = { ...(await listPublicNoticePage(kit.deps, communeCode, {})), items: [], nextPage: null };
    }
    const { commune, village, villages, items, page, nextPage } = result;
    const communeName = localName(locale, commune.fullName, commune.fullNameEn);
    const villageName = village ? localName(locale, village.nameVi, village.nameEn) : null;
    const title = villageName
      ? t("notices.public.villageTitle", { village: villageName, commune: communeName })
      : t("notices.public.listTitle", { commune: communeName });
    const category = parsed.ok ? parsed.data.category : undefined;
    const basePath = village ? noticePaths.villageList(communeCode, village.code) : noticePaths.publicList(communeCode);
    const feedQuery = { village: village?.code, category };
    const rss = link(noticePaths.rss(communeCode), feedQuery);
    const atom = link(noticePaths.atom(communeCode), feedQuery);
    const inForce = items.filter((n) => n.inForce);
    const earlier = items.filter((n) => !n.inForce);
    const filtered = !!category || !!village;
    const form = { values: { category: raw.category ?? "", village: village?.code ?? (pathVillage ? "" : (raw.village ?? "")) }, errors };
    const doc = (
      <Layout
        ctx={ctx}
        title={title}
        head={
          <>
            <link rel="alternate" type="application/rss+xml" title={t("notices.public.feedRss")} href={rss} />
            <link rel="alternate" type="application/atom+xml" title={t("notices.public.feedAtom")} href={atom} />
          </>
        }
      >
        <NoticesCss assets={ctx.assets} />
        <Breadcrumbs
          t={t}
          items={[
            { href: "/", label: t("nav.home") },
            { href: noticePaths.index, label: t("notices.public.title") },
            ...(village
              ? [{ href: noticePaths.publicList(communeCode), label: communeName }, { label: villageName ?? village.code }]
              : [{ label: communeName }]),
          ]}
        />
        <ErrorSummary t={t} errors={errors} labels={filterLabels(t)} />
        <h1>{title}</h1>
        <p class="lead">{village ? t("notices.public.villageLead") : t("notices.public.listLead")}</p>
        {/* Residents choose how notices reach them (preferences part); signed out, it asks them to sign in. */}
        <p>
          <a href={noticePaths.myPreferences}>{t("notices.public.chooseChannels")}</a>
        </p>
        <form method="get" action={noticePaths.publicList(communeCode)} aria-label={t("notices.public.filters")}>
          <SelectField
            t={t}
            form={form}
            name="category"
            label={t("notices.public.filterCategory")}
            placeholder={t("notices.public.any")}
            options={NOTICE_CATEGORIES.map((x) => ({ value: x, label: t(`notices.public.category.${x}`) }))}
          />
          {villages.length > 0 && (
            <SelectField
              t={t}
              form={form}
              name="village"
              label={t("notices.public.filterVillage")}
              placeholder={t("notices.public.any")}
              options={villages.map((v: UnitOption) => ({ value: v.code, label: localName(locale, v.nameVi, v.nameEn) }))}
            />
          )}
          <button type="submit" class="button">
            {t("notices.public.apply")}
          </button>{" "}
          {filtered && <a href={noticePaths.publicList(communeCode)}>{t("notices.public.clearFilters")}</a>}
        </form>
        {items.length === 0 && <p>{filtered || errors.length > 0 ? t("notices.public.noResults") : t("notices.public.noNotices")}</p>}
        {inForce.length > 0 && (
          <>
            <h2>{t("notices.public.inForce")}</h2>
            <NoticeList t={t} locale={locale} items={inForce} />
          </>
        )}
        {earlier.length > 0 && (
          <>
            <h2>{t("notices.public.earlier")}</h2>
            <NoticeList t={t} locale={locale} items={earlier} />
          </>
        )}
        {(page > 1 || nextPage) && (
          <nav aria-label={t("nav.pagination")}>
            <ul class="notice-pager">
              {page > 1 && (
                <li>
                  <a href={link(basePath, { category, page: page - 1 > 1 ? page - 1 : undefined })} rel="prev">
                    « {t("notices.public.prevPage")}
                  </a>
                </li>
              )}
              <li>{t("notices.public.pageN", { page })}</li>
              {nextPage && (
                <li>
                  <a href={link(basePath, { category, page: nextPage })} rel="next">
                    {t("notices.public.nextPage")} »
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
        <h2>{t("notices.public.feeds")}</h2>
        <ul class="notice-feeds">
          <li>
            <a href={rss}>{t("notices.public.feedRss")}</a>
          </li>
          <li>
            <a href={atom}>{t("notices.public.feedAtom")}</a>
          </li>
        </ul>
      </Layout>
    );
    return publicBody(c, ctx, `<!DOCTYPE html>${doc}`, HTML, errors.length > 0 ? 400 : 200);
  };
}

function NoticeList(props: { t: Translate; locale: "vi" | "en"; items: PublicNoticeItem[] }) {
  const { t, locale } = props;
  return (
    <ul class="notice-list">
      {props.items.map((n) => (
        <li class={n.inForce && n.category === "emergency" ? "notice-item notice-item--emergency" : "notice-item"}>
          <p>
            <CategoryTag t={t} category={n.category} /> {n.status === "withdrawn" && <strong class="tag tag--red">{t("notices.public.withdrawnTag")}</strong>}
          </p>
          <h3>
            <a href={noticePaths.publicNotice(n.id)}>{n.title}</a>
          </h3>
          <p class="notice-meta">
            {localName(locale, n.unitName, n.unitNameEn)} · {t("notices.public.publishedOn", { date: formatDate(n.publishedAt, locale) })}
            <br />
            {validityText(t, n.validFrom, n.validUntil)}
          </p>
          <p>{summaryOf(n.body, 200)}</p>
        </li>
      ))}
    </ul>
  );
}
