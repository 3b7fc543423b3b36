// POST /api/v1/field/photos: a photo from the field, stored once per id the device made (a retry answers the same).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { scopePaths } from "../../../platform/auth/authorise.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import type { UploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError } from "../../../platform/http/app-error.ts";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const fileError = (
  code: "payload_too_large" | "unsupported_media_type" | "validation",
  message: "sync.photoTooLarge" | "sync.photoType" | "sync.photoMissingFile",
) => new AppError(code, "error.validation", [{ field: "file", code, message, params: { max: "5 MB" } }]);

export async function storeFieldPhoto(
  deps: Pick<Deps, "db">,
  ctx: { principal: Principal | null },
  input: { id: string; name: string; bytes: Uint8Array | null; quota: (p: Principal) => UploadQuota },
): Promise<{ id: string; created: boolean }> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (scopePaths(p, "outreach.record").length === 0) throw new AppError("forbidden", "sync.revoked");
  const before = await deps.db.query<{ user_id: string }>("SELECT user_id FROM field_photos WHERE id = $1", [input.id]);
  if (before.rows[0]) {
    if (before.rows[0].user_id !== p.userId) throw new AppError("conflict", "error.validation", [{ field: "id", code: "taken", message: "sync.photoTaken" }]);
    return { id: input.id, created: false };
  }
  if (!input.bytes || input.bytes.byteLength === 0) throw fileError("validation", "sync.photoMissingFile");
  if (input.bytes.byteLength > PHOTO_MAX_BYTES) throw fileError("payload_too_large", "sync.photoTooLarge");
  const created = await deps.db.tx(async (q) => {
    // Two uploads of the same id at once: the second waits here, then finds the first and stores nothing.
    await q.query("SELECT pg_advisory_xact_lock(hashtext('field_photo:' || $1))", [input.id]);
    if ((await q.query("SELECT 1 FROM field_photos WHERE id = $1", [input.id])).rowCount) return false;
    let stored: { id: string };
    try {
      stored = await storeFile(q, {
        ownerUserId: p.userId,
        communeCode: null,
        name: input.name || "anh.jpg",
        bytes: input.bytes!,
        maxBytes: PHOTO_MAX_BYTES,
        field: "file",
        allowed: ["image/jpeg", "image/png"],
        quota: input.quota(p),
      });
    } catch (err) {
      // Not an image by its bytes: 415 naming the file (storeFile says 400 for every kind of bad file).
      if (err instanceof AppError && err.fields[0]?.code === "type") throw fileError("unsupported_media_type", "sync.photoType");
      throw err;
    }
    await q.query("INSERT INTO field_photos (id, file_id, user_id) VALUES ($1, $2, $3)", [input.id, stored.id, p.userId]);
    return true;
  });
  return { id: input.id, created };
}
