// A commune's notices as RSS 2.0 and Atom 1.0 (noticePaths.rss / atom), optionally one village's and one category's,
// built with the `feed` package (escaping, date formats and the two specifications' required elements are its job).
// Links are absolute: the installation's public URL, else the request's origin.
import { Feed } from "feed";
import type { Deps } from "../../../deps.ts";
import type { Locale, Translate } from "../../../platform/i18n/i18n.ts";
import { noticeBodyPlain } from "../notice-text.ts";
import { noticePaths } from "../notice-paths.ts";
import { noticeBodyHtml } from "../public/notice-body.tsx";
import type { PublicFeedQuery } from "../public/public.contract.ts";
import { listPublicNoticePage } from "./public-list.ts";

type D = Pick<Deps, "db" | "config" | "clock">;

const SUMMARY_CHARS = 300;

export const summaryOf = (body: string, max = SUMMARY_CHARS): string => {
  const plain = noticeBodyPlain(body).replace(/\s+/g, " ").trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
};

export async function buildNoticeFeed(deps: D, t: Translate, locale: Locale, communeCode: string, query: PublicFeedQuery, origin: string) {
  const base = (deps.config.publicUrl ?? origin).replace(/\/+$/, "");
  const { commune, village, items } = await listPublicNoticePage(deps, communeCode, query);
  const communeName = (locale === "en" ? commune.fullNameEn : null) ?? commune.fullName;
  const villageName = village ? ((locale === "en" ? village.nameEn : null) ?? village.nameVi) : null;
  const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")).toString();
  const withQs = (path: string) => `${base}${path}${qs ? `?${qs}` : ""}`;
  const listPath = village ? noticePaths.villageList(communeCode, village.code) : noticePaths.publicList(communeCode);
  const listUrl = `${base}${listPath}${query.category ? `?category=${query.category}` : ""}`;
  // The newest change of any notice listed: a withdrawal updates its notice.
  const updated = items.reduce<Date | null>((m, n) => {
    const d = n.withdrawnAt && n.withdrawnAt > n.publishedAt ? n.withdrawnAt : n.publishedAt;
    return !m || d > m ? d : m;
  }, null);
  const feed = new Feed({
    title: villageName
      ? t("notices.public.feedVillageTitle", { village: villageName, commune: communeName })
      : t("notices.public.feedTitle", { commune: communeName }),
    description: t("notices.public.feedDescription", { commune: communeName }),
    id: listUrl,
    link: listUrl,
    language: locale,
    updated: updated ?? new Date(0),
    generator: "XãSố",
    copyright: communeName,
    feedLinks: { rss: withQs(noticePaths.rss(communeCode)), atom: withQs(noticePaths.atom(communeCode)) },
  });
  for (const n of items) {
    const url = `${base}${noticePaths.publicNotice(n.id)}`;
    const title = n.status === "withdrawn" ? t("notices.public.feedWithdrawn", { title: n.title }) : n.title;
    feed.addItem({
      title,
      id: url,
      link: url,
      date: n.withdrawnAt && n.withdrawnAt > n.publishedAt ? n.withdrawnAt : n.publishedAt,
      published: n.publishedAt,
      description: summaryOf(n.body),
      content: noticeBodyHtml(n.body),
      category: [{ name: t(`notices.public.category.${n.category}`), term: n.category }],
      author: [{ name: (locale === "en" ? n.unitNameEn : null) ?? n.unitName }],
    });
  }
  return { feed, updated };
}
