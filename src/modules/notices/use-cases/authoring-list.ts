// The office list of notices: the ones the caller may see (notice-access.ts), by tab (drafts, in review — what awaits
// an approver —, scheduled, published, withdrawn), with each tab's count, a category filter and a title search.
import type { Deps } from "../../../deps.ts";
import { scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import type { NoticeRow } from "../notices.model.ts";
import { noticeVisibleSql } from "../notice-access.ts";
import { DESK_PAGE_SIZE, NoticeListQuery, type NoticeDeskTab } from "../authoring/authoring.contract.ts";
import { listNotices } from "../authoring/authoring.repository.ts";
import type { Ctx } from "../authoring/notice-workflow.ts";

export type NoticeList = { query: NoticeListQuery; items: NoticeRow[]; total: number; page: number; pageSize: number; counts: Record<NoticeDeskTab, number> };

export async function listOfficeNotices(deps: Pick<Deps, "db">, ctx: Ctx, raw: unknown): Promise<NoticeList> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (scopePaths(p, "notice.read").length === 0) throw new AppError("forbidden", "error.forbidden");
  const parsed = NoticeListQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const query = parsed.data;
  const params: unknown[] = [];
  const sql = noticeVisibleSql(p, "n", params);
  const { rows, total, counts } = await listNotices(
    deps.db,
    { sql, params },
    { tab: query.tab, category: query.category, q: query.q },
    { limit: DESK_PAGE_SIZE, offset: (query.page - 1) * DESK_PAGE_SIZE },
  );
  return { query, items: rows, total, page: query.page, pageSize: DESK_PAGE_SIZE, counts };
}
