// The public notices as the API gives them (GET /api/v1/public/notices, /{id}): the same reads as the pages, with
// absolute links; no personal data (a notice is signed by its unit).
import type { Deps } from "../../../deps.ts";
import { noticeBodyPlain } from "../notice-text.ts";
import { noticePaths } from "../notice-paths.ts";
import type { PublicNoticeSummary, PublicNoticesQuery } from "../public/public.contract.ts";
import type { PublicNoticeItem } from "../public/public.repository.ts";
import { summaryOf } from "./public-feed.ts";
import { listPublicNoticePage } from "./public-list.ts";
import { getPublicNotice } from "./public-notice.ts";

type D = Pick<Deps, "db" | "config" | "clock">;

const baseOf = (deps: D, origin: string) => (deps.config.publicUrl ?? origin).replace(/\/+$/, "");

function summary(n: PublicNoticeItem, base: string): PublicNoticeSummary {
  return {
    id: n.id,
    title: n.title,
    category: n.category,
    scope: n.scope,
    villageCodes: n.villageCodes,
    unit: { code: n.unitCode, name: n.unitName, nameEn: n.unitNameEn },
    validFrom: n.validFrom,
    validUntil: n.validUntil,
    status: n.status,
    inForce: n.inForce,
    publishedAt: n.publishedAt.toISOString(),
    summary: summaryOf(n.body),
    url: `${base}${noticePaths.publicNotice(n.id)}`,
  };
}

export async function publicNoticesForApi(deps: D, query: PublicNoticesQuery, origin: string) {
  const { commune, ...filters } = query;
  const r = await listPublicNoticePage(deps, commune, filters);
  const base = baseOf(deps, origin);
  return { items: r.items.map((n) => summary(n, base)), page: r.page, nextPage: r.nextPage };
}

export async function publicNoticeForApi(deps: D, id: string, origin: string) {
  const v = await getPublicNotice(deps, id);
  const base = baseOf(deps, origin);
  const n = v.notice;
  return {
    ...summary(n, base),
    body: n.body,
    bodyText: noticeBodyPlain(n.body),
    withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: n.withdrawalReason,
    correctedBy: v.correction?.id ?? null,
    corrects: v.corrects?.id ?? null,
    attachments: v.attachments.map((a) => ({
      name: a.name,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      url: `${base}${noticePaths.attachment(n.id, a.fileId)}`,
    })),
    audioUrl: v.audio ? `${base}${noticePaths.audio(n.id)}` : null,
  };
}
