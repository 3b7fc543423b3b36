// The reports core's reads and writes shared by every part of the module (reporting, handling, desk, public, Open311).
// A part's own queries live in its folder's repository; these are the ones two or more parts need.
import type { Queryable } from "../../platform/db/database.ts";
import type { ReportRow, ReportStatus } from "./reports.model.ts";

export const REPORT_COLUMNS = `r.id, r.code, r.commune_code AS "communeCode", r.unit_path AS "unitPath", r.village_code AS "villageCode",
  r.category_id AS "categoryId", r.description, r.landmark, r.lat, r.lon, r.location_source AS "locationSource", r.attributes,
  r.status, r.reject_reason AS "rejectReason", r.duplicate_of AS "duplicateOf", r.status_note AS "statusNote", r.public,
  r.hidden_at AS "hiddenAt", r.hidden_reason AS "hiddenReason", r.reporter_user_id AS "reporterUserId",
  r.reporter_name AS "reporterName", r.reporter_phone AS "reporterPhone", r.reporter_email AS "reporterEmail", r.anonymous,
  r.notify_sms AS "notifySms", r.channel, r.assisted_by AS "assistedBy", r.assisted_consent AS "assistedConsent",
  r.open311_client_id AS "open311ClientId", r.open311_token AS "open311Token", r.assignee_user_id AS "assigneeUserId",
  r.assigned_unit AS "assignedUnit", r.accepted_at AS "acceptedAt", r.due_at AS "dueAt", r.answered_at AS "answeredAt",
  r.answer, r.confirm_until AS "confirmUntil", r.confirmed_at AS "confirmedAt", r.satisfaction, r.reopen_count AS "reopenCount",
  r.closed_at AS "closedAt", r.reminded_at AS "remindedAt", r.support_count AS "supportCount", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/** A report by id with no access check: callers check reportAccess (report-access.ts) or the follow token first. */
export async function findReport(q: Queryable, id: string, lock = false): Promise<ReportRow | null> {
  const { rows } = await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.id = $1${lock ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

export async function findReportByCode(q: Queryable, code: string, lock = false): Promise<ReportRow | null> {
  const { rows } = await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.code = $1${lock ? " FOR UPDATE" : ""}`, [
    code.trim().toUpperCase(),
  ]);
  return rows[0] ?? null;
}

export type ReportEventInput = {
  reportId: string;
  kind: string;
  fromStatus?: ReportStatus | null;
  toStatus?: ReportStatus | null;
  actorUserId?: string | null;
  reason?: string | null;
  note?: string | null;
  public?: boolean;
  data?: Record<string, unknown>;
};

/** Every step of a report is one row here: who, when, why (the "every step records who, when, why"). */
export async function insertReportEvent(q: Queryable, e: ReportEventInput): Promise<void> {
  await q.query(
    `INSERT INTO report_events (report_id, kind, from_status, to_status, actor_user_id, reason, note, public, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.reportId,
      e.kind,
      e.fromStatus ?? null,
      e.toStatus ?? null,
      e.actorUserId ?? null,
      e.reason ?? null,
      e.note ?? null,
      e.public ?? true,
      JSON.stringify(e.data ?? {}),
    ],
  );
}

export type ReportEventRow = {
  id: string;
  kind: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  /** Names come from identity's displayNames(), never from a join on its table. */
  actorUserId: string | null;
  reason: string | null;
  note: string | null;
  public: boolean;
  data: Record<string, unknown>;
  createdAt: Date;
};

export async function listReportEvents(q: Queryable, reportId: string, opts: { publicOnly: boolean }): Promise<ReportEventRow[]> {
  const { rows } = await q.query<ReportEventRow>(
    `SELECT e.id::text, e.kind, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.actor_user_id AS "actorUserId",
            e.reason, e.note, e.public, e.data, e.created_at AS "createdAt"
     FROM report_events e
     WHERE e.report_id = $1${opts.publicOnly ? " AND e.public" : ""} ORDER BY e.id`,
    [reportId],
  );
  return rows;
}

export type ReportPhotoRow = {
  id: string;
  reportId: string;
  stage: "report" | "answer";
  fileId: string;
  originalFileId: string | null;
  width: number | null;
  height: number | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
};

export async function listReportPhotos(q: Queryable, reportId: string, opts: { includeHidden: boolean }): Promise<ReportPhotoRow[]> {
  const { rows } = await q.query<ReportPhotoRow>(
    `SELECT p.id, p.report_id AS "reportId", p.stage, p.file_id AS "fileId", p.original_file_id AS "originalFileId", p.width, p.height,
            p.hidden_at AS "hiddenAt", p.hidden_reason AS "hiddenReason", p.created_at AS "createdAt"
     FROM report_photos p WHERE p.report_id = $1${opts.includeHidden ? "" : " AND p.hidden_at IS NULL"} ORDER BY p.created_at, p.id`,
    [reportId],
  );
  return rows;
}
