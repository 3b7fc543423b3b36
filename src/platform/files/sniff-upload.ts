// An upload's type comes from its bytes, never from its name or the browser's Content-Type:
// a PDF renamed .jpg is a PDF, and a script renamed .pdf is refused.
import { createHash } from "node:crypto";
import type { MessageKey } from "../i18n/i18n.ts";
import { lazyImport } from "../lazy-import.ts";

// Loaded on the first upload, not with the app (lazy-import.ts).
const loadFileType = lazyImport(() => import("file-type"));

// HEIC/HEIF are stored only where a caller allows them by name (a report photo's original as received): they are
// not in the default list, so no other upload starts accepting files most browsers cannot show.
// Audio (loudspeaker bulletins) likewise only where a caller allows it.
export const UPLOAD_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/heic": "heic",
  "image/heif": "heif",
  "audio/mpeg": "mp3",
  "audio/ogg": "ogg",
  "audio/wav": "wav",
} as const;
export type UploadMediaType = keyof typeof UPLOAD_TYPES;
export type UploadErrorCode = "empty" | "tooLarge" | "type";
export type UploadCheck =
  | { ok: true; mediaType: UploadMediaType; extension: (typeof UPLOAD_TYPES)[UploadMediaType]; sha256: string }
  | { ok: false; code: UploadErrorCode };

// The keys live in the citizens fragment (citizens.upload.*) so that one fragment holds them.
export const UPLOAD_MESSAGE_KEYS: Readonly<Record<UploadErrorCode, MessageKey>> = {
  empty: "citizens.upload.empty",
  tooLarge: "citizens.upload.tooLarge",
  type: "citizens.upload.type",
};

const ALL: readonly UploadMediaType[] = ["application/pdf", "image/jpeg", "image/png"];
const isUploadType = (m: string): m is UploadMediaType => m in UPLOAD_TYPES;

export async function checkUpload(bytes: Uint8Array, opts: { maxBytes: number; allowed?: readonly UploadMediaType[] }): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, code: "empty" };
  if (bytes.byteLength > opts.maxBytes) return { ok: false, code: "tooLarge" };
  const { fileTypeFromBuffer } = await loadFileType();
  const detected = await fileTypeFromBuffer(bytes);
  // "audio/ogg; codecs=opus" is an Ogg file like any other: the parameter is not part of the type.
  const mediaType = detected?.mime.split(";")[0];
  if (!mediaType || !isUploadType(mediaType) || !(opts.allowed ?? ALL).includes(mediaType)) return { ok: false, code: "type" };
  return { ok: true, mediaType, extension: UPLOAD_TYPES[mediaType], sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Placeholders for an upload message: {max} as "10 MB" or "500 KB", {allowed} as "PDF, JPG". */
export function uploadMessageParams(opts: { maxBytes: number; allowed?: readonly UploadMediaType[] }): { max: string; allowed: string } {
  const mb = opts.maxBytes / 1_048_576;
  // Whole numbers read the same in Vietnamese and English (no decimal comma or point to choose).
  const max = mb >= 1 ? `${Math.floor(mb)} MB` : `${Math.max(1, Math.floor(opts.maxBytes / 1024))} KB`;
  return { max, allowed: (opts.allowed ?? ALL).map((m) => UPLOAD_TYPES[m].toUpperCase()).join(", ") };
}
