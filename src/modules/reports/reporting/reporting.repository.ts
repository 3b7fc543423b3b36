// The reporting part's own SQL: the category's last check at submission, the villages to choose from,
// a new report, similar open reports, supports, and the reporter's follow-up (confirm, reopen).
import type { Queryable } from "../../../platform/db/database.ts";
import type { ReportRow, ReportStatus } from "../reports.model.ts";
import { REPORT_COLUMNS } from "../reports.repository.ts";

/** What the form and the checks use of a category (a subset of the categories part's ActiveCategory). */
export type CategoryChoice = {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  responsibleUnit: string;
  timeLimitDays: number;
  publicByDefault: boolean;
  attributes: unknown[];
  communeCode: string | null;
};

/**
 * A report's category, at submission, inside its transaction: still active (FOR SHARE holds off a concurrent switch-off
 * by the categories page until the report is written). The list itself is activeCategoriesIn's rule.
 */
export async function categoryStillActive(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query<{ active: boolean }>("SELECT active FROM report_categories WHERE id = $1 FOR SHARE", [id]);
  return rows[0]?.active === true;
}

export type VillageChoice = { code: string; name: string; fullName: string; path: string };

/** The commune's villages, from the admin-units module's published view. */
export async function listVillages(q: Queryable, communeCode: string): Promise<VillageChoice[]> {
  const { rows } = await q.query<VillageChoice>(
    `SELECT code, name, full_name AS "fullName", path FROM admin_unit_refs WHERE parent_code = $1 AND level = 'village' ORDER BY name, code`,
    [communeCode],
  );
  return rows;
}

/** A new report: the columns a submission sets (reports.model.ts's ReportRow), the secret's hash and the search key. */
export type NewReportRow = Pick<
  ReportRow,
  | "id"
  | "code"
  | "communeCode"
  | "unitPath"
  | "villageCode"
  | "categoryId"
  | "description"
  | "landmark"
  | "lat"
  | "lon"
  | "locationSource"
  | "attributes"
  | "public"
  | "reporterUserId"
  | "reporterName"
  | "reporterPhone"
  | "reporterEmail"
  | "anonymous"
  | "notifySms"
  | "channel"
  | "assistedBy"
  | "assistedConsent"
  | "open311ClientId"
  | "dueAt"
> & { followTokenHash: string; searchText: string; now: Date };

/** Inserts the report; false when the code is taken (the caller draws another). */
export async function insertReport(q: Queryable, r: NewReportRow): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO reports (id, code, commune_code, unit_path, village_code, category_id, description, landmark, lat, lon, location_source,
       attributes, status, public, reporter_user_id, reporter_name, reporter_phone, reporter_email, anonymous, notify_sms,
       follow_token_hash, channel, assisted_by, assisted_consent, open311_client_id, due_at, search_text, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'received', $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
       $25, $26, $27, $27)
     ON CONFLICT (code) DO NOTHING`,
    [
      r.id,
      r.code,
      r.communeCode,
      r.unitPath,
      r.villageCode,
      r.categoryId,
      r.description,
      r.landmark,
      r.lat,
      r.lon,
      r.locationSource,
      JSON.stringify(r.attributes),
      r.public,
      r.reporterUserId,
      r.reporterName,
      r.reporterPhone,
      r.reporterEmail,
      r.anonymous,
      r.notifySms,
      r.followTokenHash,
      r.channel,
      r.assistedBy,
      r.assistedConsent === null ? null : JSON.stringify(r.assistedConsent),
      r.open311ClientId,
      r.dueAt,
      r.searchText,
      r.now,
    ],
  );
  return res.rowCount === 1;
}

export type SimilarReport = {
  id: string;
  code: string;
  description: string;
  landmark: string;
  villageCode: string | null;
  status: ReportStatus;
  supportCount: number;
  createdAt: Date;
  distanceM: number | null;
};

const OPEN = "('received', 'accepted', 'assigned', 'in_progress', 'forwarded', 'reopened')";

/**
 * Open public reports of the commune in the category, in the village or, with coordinates, within `radiusM`
 * (equirectangular distance: exact enough at a few hundred metres). Hidden and private reports are left out:
 * a resident must not learn of them from this list.
 */
export async function findSimilar(
  q: Queryable,
  s: { communeCode: string; categoryId: string; villageCode: string | null; lat: number | null; lon: number | null; radiusM: number; limit: number },
): Promise<SimilarReport[]> {
  const params: unknown[] = [s.communeCode, s.categoryId, s.villageCode, s.limit];
  let distance = "NULL::double precision";
  let near = "false";
  if (s.lat !== null && s.lon !== null) {
    params.push(s.lat, s.lon, s.radiusM);
    distance = "6371000 * sqrt(power(radians(r.lat - $5), 2) + power(radians(r.lon - $6) * cos(radians($5)), 2))";
    near = `(r.lat IS NOT NULL AND ${distance} <= $7)`;
  }
  // No village and no coordinates: the whole commune is "nearby".
  const anywhere = s.villageCode === null && s.lat === null ? "true" : "false";
  const { rows } = await q.query<SimilarReport>(
    `SELECT r.id, r.code, r.description, r.landmark, r.village_code AS "villageCode", r.status, r.support_count AS "supportCount",
            r.created_at AS "createdAt", CASE WHEN r.lat IS NULL THEN NULL ELSE ${distance} END AS "distanceM"
     FROM reports r
     WHERE r.commune_code = $1 AND r.category_id = $2 AND r.status IN ${OPEN} AND r.public AND r.hidden_at IS NULL
       AND (r.village_code = $3::text OR ${near} OR ${anywhere})
     ORDER BY "distanceM" NULLS LAST, r.support_count DESC, r.created_at DESC
     LIMIT $4`,
    params,
  );
  return rows;
}

/** One support per supporter key; true when it is new (support_count then goes up by one). */
export async function addSupport(q: Queryable, reportId: string, supporterKey: string, userId: string | null, now: Date): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO report_supports (report_id, user_id, supporter_key, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (report_id, supporter_key) DO NOTHING`,
    [reportId, userId, supporterKey, now],
  );
  if (res.rowCount !== 1) return false;
  await q.query("UPDATE reports SET support_count = support_count + 1 WHERE id = $1", [reportId]);
  return true;
}

export async function findByCodeAndTokenHash(q: Queryable, code: string, tokenHash: string, lock = false): Promise<ReportRow | null> {
  const { rows } = await q.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.code = $1 AND r.follow_token_hash = $2${lock ? " FOR UPDATE" : ""}`,
    [code, tokenHash],
  );
  return rows[0] ?? null;
}

export async function setFollowTokenHash(q: Queryable, id: string, tokenHash: string): Promise<void> {
  await q.query("UPDATE reports SET follow_token_hash = $2 WHERE id = $1", [id, tokenHash]);
}

export async function listReporterReports(q: Queryable, userId: string, limit: number): Promise<ReportRow[]> {
  const { rows } = await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.reporter_user_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2`, [
    userId,
    limit,
  ]);
  return rows;
}

export async function categoryNames(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, { nameVi: string; nameEn: string; code: string; responsibleUnit: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; code: string; nameVi: string; nameEn: string; responsibleUnit: string }>(
    `SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn", responsible_unit AS "responsibleUnit" FROM report_categories WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function unitNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<{ code: string; fullName: string }>(`SELECT code, full_name AS "fullName" FROM admin_unit_refs WHERE code = ANY($1::text[])`, [
    [...new Set(codes)],
  ]);
  return new Map(rows.map((r) => [r.code, r.fullName]));
}

/** The reporter's "fixed, thank you": resolved → closed, with an optional satisfaction. */
export async function markConfirmed(q: Queryable, id: string, satisfaction: number | null, now: Date): Promise<void> {
  await q.query(
    `UPDATE reports SET status = 'closed', confirmed_at = $2, closed_at = $2, satisfaction = $3, version = version + 1, updated_at = $2 WHERE id = $1`,
    [id, now, satisfaction],
  );
}

/** The reporter's "not fixed": resolved → reopened; handling starts again (the handling part takes it from there). */
// The reason stays in the event (the reporter's words), not in status_note, which the public page shows.
// The assignee stays (the report comes back to them) with a new deadline from the reopening; reminded_at is cleared so
// that they are reminded again before it.
export async function markReopened(q: Queryable, id: string, now: Date, dueAt: Date | null): Promise<void> {
  await q.query(
    `UPDATE reports SET status = 'reopened', reopen_count = reopen_count + 1, confirm_until = NULL, reminded_at = NULL,
            due_at = COALESCE($3, due_at), version = version + 1, updated_at = $2
     WHERE id = $1`,
    [id, now, dueAt],
  );
}
