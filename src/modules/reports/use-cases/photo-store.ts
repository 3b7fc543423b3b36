// Photos of a report or of its answer. Two steps so that the slow work (decoding, downsizing) happens before the
// transaction: preparePhotos() checks and converts, saveReportPhotos() stores inside the caller's transaction.
// Three stored files a photo: the public copy (JPEG ≤ 1600 px, no metadata), its 320-px thumbnail, and the original
// as received (JPEG, PNG or HEIC, with its metadata: officers only, audited). Only the original counts against the
// uploader's quota: it is what they sent; the two copies are ours.
import type { Queryable } from "../../../platform/db/database.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { DEFAULT_IMAGE_LIMITS, type ImageFailure, type ImageMediaType, ImageRejected, processImage } from "../../../platform/files/image-pipeline.ts";
import type { UploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError, type ErrorCode, type FieldError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { insertPhoto } from "../photos/photos.repository.ts";
import { MAX_REPORT_PHOTOS } from "../reports.model.ts";
import type { ReportPhotoRow } from "../reports.repository.ts";

/** A file as it arrived: its name and the type the client claimed (a form part's type, or null). */
export type IncomingPhoto = { name: string; claimedType: string | null; bytes: Uint8Array };
/**
 * A photo checked and converted: the public copy (JPEG, downsized, no metadata) and the original as received.
 * `thumbJpeg` and `originalType` are set by preparePhotos (optional only so that older callers' literals still type).
 */
export type PreparedPhoto = {
  name: string;
  publicJpeg: Uint8Array;
  width: number | null;
  height: number | null;
  original: Uint8Array | null;
  thumbJpeg?: Uint8Array;
  originalType?: ImageMediaType;
};

export const PHOTO_MAX_BYTES = DEFAULT_IMAGE_LIMITS.maxBytes;

const FAILURE: Readonly<Record<ImageFailure, { code: ErrorCode; message: MessageKey }>> = {
  empty: { code: "validation", message: "reports.photos.upload.empty" },
  corrupt: { code: "validation", message: "reports.photos.upload.corrupt" },
  tooLarge: { code: "payload_too_large", message: "reports.photos.upload.tooLarge" },
  tooManyPixels: { code: "payload_too_large", message: "reports.photos.upload.tooManyPixels" },
  timeout: { code: "payload_too_large", message: "reports.photos.upload.timeout" },
  type: { code: "unsupported_media_type", message: "reports.photos.upload.type" },
  mismatch: { code: "unsupported_media_type", message: "reports.photos.upload.mismatch" },
};

const displayName = (name: string) => [...(name.split(/[\\/]/).pop() ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "")].slice(0, 80).join("") || "?";

/** Throws a 4xx naming `field` (e.g. "photos") for too many, too large, not an image or a type other than claimed. */
export async function preparePhotos(photos: readonly IncomingPhoto[], field = "photos"): Promise<PreparedPhoto[]> {
  // A form's file input left empty arrives as a part with no name and no bytes: no photo, not an empty one.
  const given = photos.filter((p) => p.bytes.byteLength > 0 || p.name.trim() !== "");
  if (given.length > MAX_REPORT_PHOTOS) {
    throw new AppError("validation", "error.validation", [
      { field, code: "tooMany", message: "reports.photos.upload.tooMany", params: { max: MAX_REPORT_PHOTOS } },
    ]);
  }
  const out: PreparedPhoto[] = [];
  // One at a time: three 48-MP photos decoded at once would hold three sets of pixels in memory.
  for (const p of given) {
    try {
      const img = await processImage(p.bytes, { name: p.name, contentType: p.claimedType });
      out.push({
        name: p.name,
        publicJpeg: img.publicJpeg,
        thumbJpeg: img.thumbJpeg,
        width: img.width,
        height: img.height,
        original: p.bytes,
        originalType: img.mediaType,
      });
    } catch (err) {
      if (!(err instanceof ImageRejected)) throw err;
      const f = FAILURE[err.reason];
      const fieldError: FieldError = {
        field,
        code: err.reason,
        message: f.message,
        params: {
          name: displayName(p.name),
          max: `${Math.floor(DEFAULT_IMAGE_LIMITS.maxBytes / 1_048_576)} MB`,
          megapixels: Math.floor(DEFAULT_IMAGE_LIMITS.maxPixels / 1_000_000),
        },
      };
      throw new AppError(f.code, "error.validation", [fieldError]);
    }
  }
  return out;
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
  const base = { ownerUserId: input.actorUserId, communeCode: input.communeCode, maxBytes: PHOTO_MAX_BYTES, field: "photos" };
  for (const [i, p] of input.photos.entries()) {
    const stem = `${input.stage === "answer" ? "tra-loi" : "anh"}-${i + 1}`;
    // The original first: over the quota, nothing of this photo is stored (the caller's transaction rolls back).
    const original = p.original
      ? await storeFile(q, {
          ...base,
          name: p.name || stem,
          bytes: p.original,
          allowed: ["image/jpeg", "image/png", "image/heic", "image/heif"],
          quota: input.quota,
        })
      : null;
    const publicCopy = await storeFile(q, { ...base, name: `${stem}.jpg`, bytes: p.publicJpeg, allowed: ["image/jpeg"], quota: original ? null : input.quota });
    const thumb = p.thumbJpeg ? await storeFile(q, { ...base, name: `${stem}-nho.jpg`, bytes: p.thumbJpeg, allowed: ["image/jpeg"], quota: null }) : null;
    out.push(
      await insertPhoto(q, {
        reportId: input.reportId,
        stage: input.stage,
        fileId: publicCopy.id,
        thumbFileId: thumb?.id ?? null,
        originalFileId: original?.id ?? null,
        width: p.width,
        height: p.height,
        createdBy: input.actorUserId,
      }),
    );
  }
  return out;
}
