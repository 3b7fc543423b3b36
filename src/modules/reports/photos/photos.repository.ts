// SQL of the photos part: report_photos rows with the few report fields that decide who may see them.
import type { Queryable } from "../../../platform/db/database.ts";
import type { ReportPhotoRow } from "../reports.repository.ts";

export const PHOTO_COLUMNS = `p.id, p.report_id AS "reportId", p.stage, p.file_id AS "fileId", p.original_file_id AS "originalFileId",
  p.thumb_file_id AS "thumbFileId", p.width, p.height, p.hidden_at AS "hiddenAt", p.hidden_reason AS "hiddenReason",
  p.hidden_by AS "hiddenBy", p.created_at AS "createdAt"`;

export type PhotoRow = ReportPhotoRow & { thumbFileId: string | null; hiddenBy: string | null };

/** A photo and what of its report decides whether the public may see it. */
export type PhotoWithReport = PhotoRow & {
  report: { id: string; code: string; communeCode: string; unitPath: string; public: boolean; hiddenAt: Date | null; status: string };
};

export async function insertPhoto(
  q: Queryable,
  p: {
    reportId: string;
    stage: "report" | "answer";
    fileId: string;
    thumbFileId: string | null;
    originalFileId: string | null;
    width: number | null;
    height: number | null;
    createdBy: string | null;
  },
): Promise<PhotoRow> {
  const { rows } = await q.query<PhotoRow>(
    // clock_timestamp(), not now(): photos saved in one transaction keep the order they were sent in (lists sort by it).
    `INSERT INTO report_photos AS p (report_id, stage, file_id, thumb_file_id, original_file_id, width, height, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp()) RETURNING ${PHOTO_COLUMNS}`,
    [p.reportId, p.stage, p.fileId, p.thumbFileId, p.originalFileId, p.width, p.height, p.createdBy],
  );
  return rows[0]!;
}

export async function findPhotoWithReport(q: Queryable, photoId: string, lock = false): Promise<PhotoWithReport | null> {
  const { rows } = await q.query<PhotoRow & { r: PhotoWithReport["report"] }>(
    `SELECT ${PHOTO_COLUMNS},
            json_build_object('id', r.id, 'code', r.code, 'communeCode', r.commune_code, 'unitPath', r.unit_path, 'public', r.public,
                              'hiddenAt', r.hidden_at, 'status', r.status) AS r
     FROM report_photos p JOIN reports r ON r.id = p.report_id WHERE p.id = $1${lock ? " FOR UPDATE OF p" : ""}`,
    [photoId],
  );
  const row = rows[0];
  if (!row) return null;
  const { r, ...photo } = row;
  return { ...photo, report: { ...r, hiddenAt: r.hiddenAt ? new Date(r.hiddenAt) : null } };
}

export async function listPhotos(q: Queryable, reportId: string): Promise<PhotoRow[]> {
  const { rows } = await q.query<PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM report_photos p WHERE p.report_id = $1 ORDER BY p.created_at, p.id`, [reportId]);
  return rows;
}

export async function setPhotoHidden(q: Queryable, photoId: string, hidden: { reason: string; by: string; at: Date } | null): Promise<void> {
  await q.query("UPDATE report_photos SET hidden_at = $2, hidden_reason = $3, hidden_by = $4 WHERE id = $1", [
    photoId,
    hidden?.at ?? null,
    hidden?.reason ?? null,
    hidden?.by ?? null,
  ]);
}

export async function setReportHidden(q: Queryable, reportId: string, hidden: { reason: string; by: string; at: Date } | null): Promise<void> {
  await q.query("UPDATE reports SET hidden_at = $2, hidden_reason = $3, hidden_by = $4, version = version + 1, updated_at = now() WHERE id = $1", [
    reportId,
    hidden?.at ?? null,
    hidden?.reason ?? null,
    hidden?.by ?? null,
  ]);
}

export async function followTokenHash(q: Queryable, reportId: string): Promise<string | null> {
  const { rows } = await q.query<{ h: string | null }>("SELECT follow_token_hash AS h FROM reports WHERE id = $1", [reportId]);
  return rows[0]?.h ?? null;
}
