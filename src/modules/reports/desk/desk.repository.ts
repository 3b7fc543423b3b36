// The desk's reads: the report lists (tabs, filters, search) over the reports the caller may see, and their counts.
// Village and category names come from admin_unit_refs (published) and the module's own categories.
import type { Queryable } from "../../../platform/db/database.ts";
import { reportVisibleSql, type ReportAccess } from "../report-access.ts";
import { OPEN_STATUSES, type ReportStatus } from "../reports.model.ts";
import type { DeskTab } from "./desk.contract.ts";

export type DeskFilter = {
  tab: DeskTab;
  category?: string | undefined;
  village?: string | undefined;
  commune?: string | undefined;
  status?: ReportStatus | undefined;
  /** A report code, exact. */
  code?: string | undefined;
  /** Folded words (search-key.ts), each must start a word of search_text. */
  words?: string[] | undefined;
};

export type DeskRow = {
  id: string;
  code: string;
  communeCode: string;
  villageCode: string | null;
  villageName: string | null;
  categoryCode: string;
  categoryNameVi: string;
  categoryNameEn: string;
  description: string;
  landmark: string;
  status: ReportStatus;
  createdAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  assigneeUserId: string | null;
  supportCount: number;
  hidden: boolean;
};

const OPEN = `ARRAY[${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")}]::text[]`;

function where(access: ReportAccess, f: Omit<DeskFilter, "tab">, params: unknown[]): string {
  const parts = [reportVisibleSql(access, "r", params)];
  if (f.category) {
    params.push(f.category);
    parts.push(`c.code = $${params.length}`);
  }
  if (f.village) {
    params.push(f.village);
    parts.push(`r.village_code = $${params.length}`);
  }
  if (f.commune) {
    params.push(f.commune);
    parts.push(`r.commune_code = $${params.length}`);
  }
  if (f.status) {
    params.push(f.status);
    parts.push(`r.status = $${params.length}`);
  }
  if (f.code) {
    params.push(f.code);
    parts.push(`r.code = $${params.length}`);
  }
  if (f.words && f.words.length > 0) {
    // Each word starts a word of the text (so "o ga" is not any "o"); a regular expression the trigram index serves.
    params.push(f.words.map((w) => `(^| )${w.replace(/[\\^$.|?*+()[\]{}]/g, (m) => `\\${m}`)}`));
    parts.push(`r.search_text ~ ALL($${params.length}::text[])`);
  }
  return parts.join(" AND ");
}

function tabSql(tab: DeskTab, userId: string, now: Date, params: unknown[]): { cond: string; order: string } {
  switch (tab) {
    case "new":
      return { cond: "r.status = 'received'", order: "r.created_at, r.id" };
    case "mine":
      params.push(userId);
      return { cond: `r.assignee_user_id = $${params.length}::uuid AND r.status = ANY(${OPEN})`, order: "r.due_at NULLS LAST, r.created_at, r.id" };
    case "overdue":
      params.push(now);
      return { cond: `r.status = ANY(${OPEN}) AND r.due_at < $${params.length}`, order: "r.due_at, r.id" };
    default:
      return { cond: "true", order: "r.created_at DESC, r.id" };
  }
}

export async function listDesk(
  q: Queryable,
  access: ReportAccess,
  f: DeskFilter,
  opts: { now: Date; limit: number; offset: number },
): Promise<{ rows: DeskRow[]; total: number }> {
  const params: unknown[] = [];
  const base = where(access, f, params);
  const tab = tabSql(f.tab, access.userId ?? "00000000-0000-0000-0000-000000000000", opts.now, params);
  params.push(opts.now);
  const nowParam = `$${params.length}`;
  params.push(opts.limit, opts.offset);
  const { rows } = await q.query<DeskRow & { total: string }>(
    `SELECT r.id, r.code, r.commune_code AS "communeCode", r.village_code AS "villageCode", v.name AS "villageName",
            c.code AS "categoryCode", c.name_vi AS "categoryNameVi", c.name_en AS "categoryNameEn",
            left(r.description, 160) AS description, r.landmark, r.status, r.created_at AS "createdAt", r.due_at AS "dueAt",
            (r.status = ANY(${OPEN}) AND r.due_at IS NOT NULL AND r.due_at < ${nowParam}) AS overdue,
            r.assignee_user_id AS "assigneeUserId", r.support_count AS "supportCount", (r.hidden_at IS NOT NULL) AS hidden,
            count(*) OVER () AS total
     FROM reports r
     JOIN report_categories c ON c.id = r.category_id
     LEFT JOIN admin_unit_refs v ON v.code = r.village_code
     WHERE ${base} AND ${tab.cond}
     ORDER BY ${tab.order}
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && opts.offset > 0) {
    // Past the last page: count without the window.
    const cp: unknown[] = [];
    const b = where(access, f, cp);
    const t = tabSql(f.tab, access.userId ?? "00000000-0000-0000-0000-000000000000", opts.now, cp);
    const r = await q.query<{ n: string }>(`SELECT count(*) AS n FROM reports r JOIN report_categories c ON c.id = r.category_id WHERE ${b} AND ${t.cond}`, cp);
    total = Number(r.rows[0]?.n ?? 0);
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

/** How many reports each tab holds under the same filters (the tab labels show them). */
export async function countTabs(q: Queryable, access: ReportAccess, f: Omit<DeskFilter, "tab">, now: Date): Promise<Record<DeskTab, number>> {
  const params: unknown[] = [];
  const base = where(access, f, params);
  params.push(access.userId ?? "00000000-0000-0000-0000-000000000000", now);
  const me = `$${params.length - 1}::uuid`;
  const at = `$${params.length}`;
  const { rows } = await q.query<{ new: string; mine: string; overdue: string; all: string }>(
    `SELECT count(*) FILTER (WHERE r.status = 'received') AS new,
            count(*) FILTER (WHERE r.assignee_user_id = ${me} AND r.status = ANY(${OPEN})) AS mine,
            count(*) FILTER (WHERE r.status = ANY(${OPEN}) AND r.due_at < ${at}) AS overdue,
            count(*) AS all
     FROM reports r JOIN report_categories c ON c.id = r.category_id WHERE ${base}`,
    params,
  );
  const r = rows[0];
  return { new: Number(r?.new ?? 0), mine: Number(r?.mine ?? 0), overdue: Number(r?.overdue ?? 0), all: Number(r?.all ?? 0) };
}

/** The categories and villages (and communes) that the caller's reports use: the filters' choices. */
export async function filterChoices(q: Queryable, access: ReportAccess) {
  const params: unknown[] = [];
  const vis = reportVisibleSql(access, "r", params);
  const cats = await q.query<{ code: string; nameVi: string; nameEn: string }>(
    `SELECT DISTINCT ON (c.code) c.code, c.name_vi AS "nameVi", c.name_en AS "nameEn"
     FROM report_categories c WHERE c.id IN (SELECT r.category_id FROM reports r WHERE ${vis}) ORDER BY c.code, c.commune_code NULLS FIRST`,
    params,
  );
  const villages = await q.query<{ code: string; name: string; communeCode: string }>(
    `SELECT v.code, v.name, v.parent_code AS "communeCode" FROM admin_unit_refs v
     WHERE v.code IN (SELECT DISTINCT r.village_code FROM reports r WHERE ${vis} AND r.village_code IS NOT NULL) ORDER BY v.name`,
    params,
  );
  const communes = await q.query<{ code: string; name: string }>(
    `SELECT u.code, u.full_name AS name FROM admin_unit_refs u WHERE u.code IN (SELECT DISTINCT r.commune_code FROM reports r WHERE ${vis}) ORDER BY u.name`,
    params,
  );
  return { categories: cats.rows, villages: villages.rows, communes: communes.rows };
}

/** Open reports per category code and per village (null: no village): the desk's "by category, by village" view. */
export async function openBreakdown(q: Queryable, access: ReportAccess) {
  const params: unknown[] = [];
  const vis = reportVisibleSql(access, "r", params);
  const byCategory = await q.query<{ code: string; nameVi: string; nameEn: string; n: number }>(
    `SELECT c.code, min(c.name_vi) AS "nameVi", min(c.name_en) AS "nameEn", count(*)::int AS n
     FROM reports r JOIN report_categories c ON c.id = r.category_id
     WHERE ${vis} AND r.status = ANY(${OPEN}) GROUP BY c.code ORDER BY n DESC, c.code`,
    params,
  );
  const byVillage = await q.query<{ code: string | null; name: string | null; n: number }>(
    `SELECT r.village_code AS code, min(v.name) AS name, count(*)::int AS n
     FROM reports r LEFT JOIN admin_unit_refs v ON v.code = r.village_code
     WHERE ${vis} AND r.status = ANY(${OPEN}) GROUP BY r.village_code ORDER BY n DESC, name NULLS LAST`,
    params,
  );
  return { byCategory: byCategory.rows, byVillage: byVillage.rows };
}
