// The public part's reads: only what a report shows in public. No reporter column is ever selected here, so a
// public page cannot leak a name, phone or e-mail by mistake.
import type { Queryable } from "../../../platform/db/database.ts";
import { VIETNAM_OFFSET_MS } from "../../../platform/calendar/vietnam-time.ts";
import type { ReportStatus } from "../reports.model.ts";
import { STATUS_GROUP_MEMBERS, type PublicFilters } from "./public.contract.ts";

/**
 * The one rule of what the public sees: published (the category's default, or the officer's choice), not hidden by
 * moderation, not rejected (an abusive, a duplicate or another agency's report has no public page; the duplicate's
 * page sends to the report it repeats). The partial index reports_public_idx has the same condition.
 */
export const PUBLIC_SQL = (alias: string) => `${alias}.public AND ${alias}.hidden_at IS NULL AND ${alias}.status <> 'rejected'`;

export type PublicListItem = {
  id: string;
  code: string;
  status: ReportStatus;
  categoryCode: string;
  categoryVi: string;
  categoryEn: string;
  villageCode: string | null;
  villageVi: string | null;
  villageEn: string | null;
  landmark: string;
  summary: string;
  answerLine: string | null;
  supportCount: number;
  createdAt: Date;
  photoId: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
};

/** The month's bounds in Vietnam time. */
function monthBounds(month: string): [Date, Date] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return [new Date(Date.UTC(y, m - 1, 1) - VIETNAM_OFFSET_MS), new Date(Date.UTC(y, m, 1) - VIETNAM_OFFSET_MS)];
}

function filterSql(communeCode: string, f: PublicFilters, params: unknown[]): string {
  params.push(communeCode);
  const where = [`r.commune_code = $${params.length}`, PUBLIC_SQL("r")];
  if (f.status) {
    params.push(STATUS_GROUP_MEMBERS[f.status]);
    where.push(`r.status = ANY($${params.length}::text[])`);
  }
  if (f.category) {
    params.push(f.category);
    where.push(`c.code = $${params.length}`);
  }
  if (f.village) {
    params.push(f.village);
    where.push(`r.village_code = $${params.length}`);
  }
  if (f.month) {
    const [from, to] = monthBounds(f.month);
    params.push(from, to);
    where.push(`r.created_at >= $${params.length - 1} AND r.created_at < $${params.length}`);
  }
  return where.join(" AND ");
}

const ITEM_COLUMNS = `r.id, r.code, r.status, c.code AS "categoryCode", c.name_vi AS "categoryVi", c.name_en AS "categoryEn",
  r.village_code AS "villageCode", v.name AS "villageVi", v.name_en AS "villageEn", r.landmark,
  left(r.description, 200) AS summary, nullif(split_part(coalesce(r.answer, ''), E'\\n', 1), '') AS "answerLine",
  r.support_count AS "supportCount", r.created_at AS "createdAt"`;

export async function listPublicReports(
  q: Queryable,
  communeCode: string,
  f: PublicFilters,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<PublicListItem[]> {
  const params: unknown[] = [];
  let where = filterSql(communeCode, f, params);
  if (after) {
    params.push(after.createdAt, after.id);
    where += ` AND (r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  params.push(limit);
  const { rows } = await q.query<PublicListItem>(
    `SELECT ${ITEM_COLUMNS}, ph.id AS "photoId", ph.width AS "photoWidth", ph.height AS "photoHeight"
     FROM reports r
     JOIN report_categories c ON c.id = r.category_id
     LEFT JOIN admin_unit_refs v ON v.code = r.village_code
     LEFT JOIN LATERAL (
       SELECT p.id, p.width, p.height FROM report_photos p
       WHERE p.report_id = r.id AND p.stage = 'report' AND p.hidden_at IS NULL ORDER BY p.created_at, p.id LIMIT 1
     ) ph ON true
     WHERE ${where}
     ORDER BY r.created_at DESC, r.id DESC
     LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export type MapPoint = Omit<PublicListItem, "id" | "photoId" | "photoWidth" | "photoHeight" | "answerLine" | "summary" | "categoryCode" | "villageCode"> & {
  lat: number;
  lon: number;
};

export async function listPublicPoints(
  q: Queryable,
  communeCode: string,
  f: PublicFilters,
  bbox: { west: number; south: number; east: number; north: number } | undefined,
  limit: number,
): Promise<MapPoint[]> {
  const params: unknown[] = [];
  let where = `${filterSql(communeCode, f, params)} AND r.lat IS NOT NULL`;
  if (bbox) {
    params.push(bbox.south, bbox.north, bbox.west, bbox.east);
    const n = params.length;
    where += ` AND r.lat BETWEEN $${n - 3} AND $${n - 2} AND r.lon BETWEEN $${n - 1} AND $${n}`;
  }
  params.push(limit);
  const { rows } = await q.query<MapPoint>(
    `SELECT r.code, r.status, c.name_vi AS "categoryVi", c.name_en AS "categoryEn", v.name AS "villageVi", v.name_en AS "villageEn",
            r.landmark, r.support_count AS "supportCount", r.created_at AS "createdAt", r.lat, r.lon
     FROM reports r
     JOIN report_categories c ON c.id = r.category_id
     LEFT JOIN admin_unit_refs v ON v.code = r.village_code
     WHERE ${where}
     ORDER BY r.created_at DESC, r.id DESC
     LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export type PublicReportRow = {
  id: string;
  code: string;
  communeCode: string;
  status: ReportStatus;
  categoryVi: string;
  categoryEn: string;
  responsibleUnit: string;
  villageVi: string | null;
  villageEn: string | null;
  description: string;
  landmark: string;
  lat: number | null;
  lon: number | null;
  channel: string;
  statusNote: string | null;
  answer: string | null;
  assignedUnit: string | null;
  dueAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  satisfaction: number | null;
  supportCount: number;
  reopenCount: number;
  createdAt: Date;
};

/** One report as the public sees it, or null when it is not public (unknown, unpublished, hidden, rejected). */
export async function findPublicReport(q: Queryable, code: string): Promise<PublicReportRow | null> {
  const { rows } = await q.query<PublicReportRow>(
    `SELECT r.id, r.code, r.commune_code AS "communeCode", r.status, c.name_vi AS "categoryVi", c.name_en AS "categoryEn",
            c.responsible_unit AS "responsibleUnit", v.name AS "villageVi", v.name_en AS "villageEn", r.description, r.landmark,
            r.lat, r.lon, r.channel, r.status_note AS "statusNote", r.answer, r.assigned_unit AS "assignedUnit", r.due_at AS "dueAt",
            r.answered_at AS "answeredAt", r.closed_at AS "closedAt", r.satisfaction, r.support_count AS "supportCount",
            r.reopen_count AS "reopenCount", r.created_at AS "createdAt"
     FROM reports r
     JOIN report_categories c ON c.id = r.category_id
     LEFT JOIN admin_unit_refs v ON v.code = r.village_code
     WHERE r.code = $1 AND ${PUBLIC_SQL("r")}`,
    [code],
  );
  return rows[0] ?? null;
}

/** A report rejected as a duplicate of a public report: that report's code (its page is where the answer will be). */
export async function publicOriginalOf(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT o.code FROM reports r JOIN reports o ON o.id = r.duplicate_of
     WHERE r.code = $1 AND r.status = 'rejected' AND r.reject_reason = 'duplicate' AND r.public AND r.hidden_at IS NULL AND ${PUBLIC_SQL("o")}`,
    [code],
  );
  return rows[0]?.code ?? null;
}

export type CategoryOption = { code: string; nameVi: string; nameEn: string };

/** The commune's categories: its own, and the province's defaults it has not overridden. */
export async function communeCategories(q: Queryable, communeCode: string, provinceCode: string): Promise<CategoryOption[]> {
  const { rows } = await q.query<CategoryOption>(
    `SELECT c.code, c.name_vi AS "nameVi", c.name_en AS "nameEn" FROM report_categories c
     WHERE c.active AND (c.commune_code = $1 OR (c.commune_code IS NULL AND c.province_code = $2
       AND NOT EXISTS (SELECT 1 FROM report_categories o WHERE o.commune_code = $1 AND o.code = c.code)))
     ORDER BY c.sort_order, c.name_vi, c.code`,
    [communeCode, provinceCode],
  );
  return rows;
}

export type UnitOption = { code: string; nameVi: string; nameEn: string | null };

export async function communeVillages(q: Queryable, communeCode: string): Promise<UnitOption[]> {
  const { rows } = await q.query<UnitOption>(
    `SELECT code, name AS "nameVi", name_en AS "nameEn" FROM admin_unit_refs WHERE parent_code = $1 AND level = 'village' ORDER BY code`,
    [communeCode],
  );
  return rows;
}

export type CommuneOption = { code: string; nameVi: string; nameEn: string | null; provinceVi: string; provinceEn: string | null; publicCount: number };

/** Every commune of the served provinces, with how many reports it shows in public. */
export async function servedCommunes(q: Queryable, provinces: readonly string[]): Promise<CommuneOption[]> {
  const { rows } = await q.query<CommuneOption>(
    `SELECT u.code, u.full_name AS "nameVi", u.full_name_en AS "nameEn", p.full_name AS "provinceVi", p.full_name_en AS "provinceEn",
            coalesce(n.count, 0)::int AS "publicCount"
     FROM admin_unit_refs u
     JOIN admin_unit_refs p ON u.path LIKE '/' || p.code || '/%' AND p.level = 'province'
     LEFT JOIN (SELECT r.commune_code, count(*) AS count FROM reports r WHERE ${PUBLIC_SQL("r")} GROUP BY r.commune_code) n
       ON n.commune_code = u.code
     WHERE u.level = 'commune' AND p.code = ANY($1::text[])
     ORDER BY p.code, u.name, u.code`,
    [provinces],
  );
  return rows;
}
