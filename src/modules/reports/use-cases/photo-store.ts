// Photos of a report or of its answer. Two steps so that the slow work (decoding, downsizing) happens before the
// transaction: preparePhotos() checks and converts, saveReportPhotos() stores inside the caller's transaction.
// FOUNDATION STUB: the photos part replaces both bodies (HEIC, downsizing, metadata stripping) keeping the signatures.
import type { Queryable } from "../../../platform/db/database.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import type { UploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { MAX_REPORT_PHOTOS } from "../reports.model.ts";
import type { ReportPhotoRow } from "../reports.repository.ts";

/** A file as it arrived: its name and the type the client claimed (a form part's type, or null). */
export type IncomingPhoto = { name: string; claimedType: string | null; bytes: Uint8Array };
/** A photo checked and converted: the public copy (JPEG, downsized, no metadata) and the original. */
export type PreparedPhoto = { name: string; publicJpeg: Uint8Array; width: number | null; height: number | null; original: Uint8Array | null };

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** Throws a 4xx naming `field` (e.g. "photos") for too many, too large, not an image or a type other than claimed. */
export async function preparePhotos(photos: readonly IncomingPhoto[], field = "photos"): Promise<PreparedPhoto[]> {
  const given = photos.filter((p) => p.bytes.byteLength > 0);
  if (given.length > MAX_REPORT_PHOTOS) throw new AppError("validation", "error.validation", [{ field, code: "tooMany", message: "error.validation" }]);
  return given.map((p) => ({ name: p.name, publicJpeg: p.bytes, width: null, height: null, original: null }));
}

export async function saveReportPhotos(
  q: Queryable,
  input: {
    reportId: string;
    communeCode: string;
    stage: "report" | "answer";
    photos: readonly PreparedPhoto[];
    actorUserId: string | null;
    quota: UploadQuota | null;
  },
): Promise<ReportPhotoRow[]> {
  const out: ReportPhotoRow[] = [];
  for (const p of input.photos) {
    const stored = await storeFile(q, {
      ownerUserId: input.actorUserId,
      communeCode: input.communeCode,
      name: p.name,
      bytes: p.publicJpeg,
      maxBytes: PHOTO_MAX_BYTES,
      field: "photos",
      allowed: ["image/jpeg", "image/png"],
      quota: input.quota,
    });
    const { rows } = await q.query<ReportPhotoRow>(
      `INSERT INTO report_photos (report_id, stage, file_id, width, height, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, report_id AS "reportId", stage, file_id AS "fileId", original_file_id AS "originalFileId", width, height,
                 hidden_at AS "hiddenAt", hidden_reason AS "hiddenReason", created_at AS "createdAt"`,
      [input.reportId, input.stage, stored.id, p.width, p.height, input.actorUserId],
    );
    out.push(rows[0]!);
  }
  return out;
}
