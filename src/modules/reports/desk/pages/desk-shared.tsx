// What the desk page and its printable list share: the query as URL parameters, status labels, deadline text.
import { formatDate } from "../../../../platform/i18n/format.ts";
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { Tag } from "../../../../platform/views/components.tsx";
import type { ReportStatus } from "../../reports.model.ts";
import type { DeskListItem } from "../../use-cases/desk-list.ts";
import type { DeskQuery } from "../desk.contract.ts";

/** The query's parameters that differ from the defaults, for links (tabs, pages, print). */
export function queryParams(q: DeskQuery, over: Partial<Record<keyof DeskQuery, string | number | undefined>> = {}): string {
  const all: Record<string, string | number | undefined> = {
    tab: q.tab === "all" ? undefined : q.tab,
    category: q.category,
    village: q.village,
    commune: q.commune,
    status: q.status,
    q: q.q,
    page: q.page > 1 ? q.page : undefined,
    ...over,
  };
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "") s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : "";
}

export const statusLabel = (t: Translate, s: ReportStatus) => t(`reports.desk.status.${s}`);
export const categoryName = (r: { categoryNameVi: string; categoryNameEn: string }, locale: Locale) => (locale === "en" ? r.categoryNameEn : r.categoryNameVi);

export function DueCell(p: { t: Translate; locale: Locale; item: DeskListItem }) {
  if (!p.item.dueAt) return <>{p.t("reports.desk.noDue")}</>;
  return (
    <>
      {formatDate(p.item.dueAt, p.locale)}
      {p.item.overdue && (
        <>
          {" "}
          <Tag tone="red">{p.t("reports.desk.overdue")}</Tag>
        </>
      )}
    </>
  );
}

export const placeText = (r: DeskListItem) => [r.villageName, r.landmark].filter(Boolean).join(" – ");
