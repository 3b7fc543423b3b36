// The desk's report lists: tabs (new, mine, overdue, all), filters, search and paging over the reports the caller may
// see (report-access.ts: their units, and the reports they recorded or were assigned). No reporter's name or contact
// is listed, but descriptions are residents' own words and assignees are named: one audited read per page.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { displayNames } from "../../identity/index.ts";
import { DESK_PAGE_SIZE, DeskQuery, type DeskTab } from "../desk/desk.contract.ts";
import * as repo from "../desk/desk.repository.ts";
import { reportAccess } from "../report-access.ts";

export type DeskListItem = repo.DeskRow & { assigneeName: string | null };
export type DeskList = {
  query: DeskQuery;
  items: DeskListItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<DeskTab, number>;
};

/** Who may open the desk: anyone reading reports of a unit, or recording them for residents. */
export function assertDeskUser(p: Principal | null): asserts p is Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (scopePaths(p, "report.read").length === 0 && scopePaths(p, "report.assist").length === 0) throw new AppError("forbidden", "error.forbidden");
}

export const searchWords = (q: string | undefined): string[] =>
  q
    ? searchKey(q)
        .split(" ")
        .filter((w) => w.length > 0)
        .slice(0, 8)
    : [];

export async function listDeskReports(
  deps: Pick<Deps, "db" | "clock" | "events">,
  ctx: Context & { principal: Principal | null },
  raw: unknown,
  opts: { limit?: number } = {},
): Promise<DeskList> {
  const parsed = DeskQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const query = parsed.data;
  assertDeskUser(ctx.principal);
  const access = reportAccess(ctx.principal);
  const filter = { category: query.category, village: query.village, commune: query.commune, status: query.status, words: searchWords(query.q) };
  const now = deps.clock.now();
  const pageSize = opts.limit ?? DESK_PAGE_SIZE;
  const [{ rows, total }, counts] = await Promise.all([
    repo.listDesk(deps.db, access, { ...filter, tab: query.tab }, { now, limit: pageSize, offset: (query.page - 1) * pageSize }),
    repo.countTabs(deps.db, access, filter, now),
  ]);
  const units = [...new Set([...scopeUnitCodes(ctx.principal, "report.read"), ...scopeUnitCodes(ctx.principal, "report.assist")])];
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "reportList", id: null },
    adminUnitCode: units[0] ?? null,
    details: {
      units,
      tab: query.tab,
      category: query.category,
      village: query.village,
      commune: query.commune,
      status: query.status,
      q: query.q,
      page: query.page,
      limit: pageSize,
    },
  });
  const names = await displayNames(
    deps.db,
    rows.map((r) => r.assigneeUserId),
  );
  return {
    query,
    items: rows.map((r) => ({ ...r, assigneeName: r.assigneeUserId ? (names.get(r.assigneeUserId) ?? null) : null })),
    total,
    page: query.page,
    pageSize,
    counts,
  };
}

/** The filters' choices (categories, villages and communes of the reports the caller may see) and the open reports
 *  per category and village. Counts and place names only. */
export async function deskFilterChoices(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }) {
  assertDeskUser(ctx.principal);
  const access = reportAccess(ctx.principal);
  const [choices, open] = await Promise.all([repo.filterChoices(deps.db, access), repo.openBreakdown(deps.db, access)]);
  return { ...choices, open };
}
