// The only code that touches stored_files. Files live in PostgreSQL so backups and transactions cover them
// (docs/adr/0005-files-in-postgres.md); the type is read from the bytes, never from the name.
import { inTx, type Queryable } from "../db/database.ts";
import { isUuid } from "../db/uuid.ts";
import { AppError } from "../http/app-error.ts";
import { checkUpload, UPLOAD_MESSAGE_KEYS, uploadMessageParams, type UploadMediaType } from "./sniff-upload.ts";
import { reserveUpload, type UploadQuota } from "./upload-limits.ts";

export const UPLOAD_MAX_BYTES_DEFAULT = 10 * 1024 * 1024;
const MAX_NAME_CHARS = 120;

export type StoredFile = { id: string; name: string; mediaType: UploadMediaType; sizeBytes: number; sha256: string };
export type StoredFileMeta = StoredFile & { ownerUserId: string | null; communeCode: string | null };
export type StoredFileContent = StoredFileMeta & { content: Buffer };

/**
 * A name safe to show and to put in Content-Disposition: the last path segment (browsers on Windows send
 * "C:\\fakepath\\x.pdf"), no control characters, at most 120 characters, with the extension the bytes prove.
 */
export function sanitiseFileName(raw: string, extension: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}"]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "tep";
  const suffix = `.${extension}`;
  return `${[...stem]
    .slice(0, MAX_NAME_CHARS - suffix.length)
    .join("")
    .trim()}${suffix}`;
}

export async function storeFile(
  q: Queryable,
  input: {
    ownerUserId: string | null;
    communeCode: string | null;
    name: string;
    bytes: Uint8Array;
    maxBytes: number;
    field: string;
    allowed?: readonly UploadMediaType[];
    /** Whose upload limits the file counts against (upload-limits.ts); null only for a file no person uploads. */
    quota: UploadQuota | null;
  },
): Promise<StoredFile> {
  const opts = { maxBytes: input.maxBytes, allowed: input.allowed };
  const check = await checkUpload(input.bytes, opts);
  if (!check.ok) {
    throw new AppError("validation", "error.validation", [
      { field: input.field, code: check.code, message: UPLOAD_MESSAGE_KEYS[check.code], params: uploadMessageParams(opts) },
    ]);
  }
  const name = sanitiseFileName(input.name, check.extension);
  // Counted and stored in one transaction: a refused file is not stored, a file that is not stored is not counted.
  const insert = async (t: Queryable) => {
    if (input.quota) await reserveUpload(t, input.quota, input.bytes.byteLength, input.field);
    const { rows } = await t.query<{ id: string }>(
      `INSERT INTO stored_files (owner_user_id, commune_code, name, media_type, size_bytes, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        input.ownerUserId,
        input.communeCode,
        name,
        check.mediaType,
        input.bytes.byteLength,
        check.sha256,
        Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
      ],
    );
    return rows[0]!.id;
  };
  const id = input.quota ? await inTx(q, insert) : await insert(q);
  return { id, name, mediaType: check.mediaType, sizeBytes: input.bytes.byteLength, sha256: check.sha256 };
}

export async function readStoredFile(q: Queryable, id: string): Promise<StoredFileContent | null> {
  if (!isUuid(id)) return null;
  const { rows } = await q.query<StoredFileContent>(
    `SELECT id, name, media_type AS "mediaType", size_bytes AS "sizeBytes", sha256, content,
            owner_user_id AS "ownerUserId", commune_code AS "communeCode"
     FROM stored_files WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Everything but the bytes: enough to check who may attach or read a file without loading it. */
export async function readFileMeta(q: Queryable, id: string): Promise<StoredFileMeta | null> {
  if (!isUuid(id)) return null;
  const { rows } = await q.query<StoredFileMeta>(
    `SELECT id, name, media_type AS "mediaType", size_bytes AS "sizeBytes", sha256, owner_user_id AS "ownerUserId", commune_code AS "communeCode"
     FROM stored_files WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** readFileMeta for many files in one query (a list of documents); ids that are malformed or missing are left out. */
export async function readFilesMeta(q: Queryable, ids: readonly string[]): Promise<Map<string, StoredFileMeta>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const { rows } = await q.query<StoredFileMeta>(
    `SELECT id, name, media_type AS "mediaType", size_bytes AS "sizeBytes", sha256, owner_user_id AS "ownerUserId", commune_code AS "communeCode"
     FROM stored_files WHERE id = ANY($1::uuid[])`,
    [wanted],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
