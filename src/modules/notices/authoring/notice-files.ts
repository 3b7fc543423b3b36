// A notice's attachments: up to NOTICE_LIMITS.attachments PDF or image files, checked by their bytes and counted
// against the uploader's limits (storeFile), stored in the same transaction as the notice they belong to.
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { NOTICE_LIMITS } from "../notices.model.ts";
import { addAttachment, listAttachments } from "./authoring.repository.ts";
import type { D } from "./notice-workflow.ts";

export type IncomingFile = { name: string; bytes: Uint8Array };

export function assertAttachmentCount(existing: number, files: readonly IncomingFile[]): void {
  if (existing + files.length > NOTICE_LIMITS.attachments)
    throw new AppError("validation", "error.validation", [
      { field: "attachments", code: "tooMany", message: "notices.authoring.error.attachmentsTooMany", params: { max: NOTICE_LIMITS.attachments } },
    ]);
}

export async function saveAttachments(
  q: Queryable,
  deps: D,
  p: Principal,
  notice: { id: string; unitCode: string },
  files: readonly IncomingFile[],
  clientIp: string | null,
): Promise<void> {
  if (files.length === 0) return;
  assertAttachmentCount((await listAttachments(q, notice.id)).length, files);
  const quota = uploadQuota(deps.config, p, clientIp, deps.clock.now());
  for (const f of files) {
    const stored = await storeFile(q, {
      ownerUserId: p.userId,
      communeCode: /^\d{5}$/.test(notice.unitCode) ? notice.unitCode : null,
      name: f.name,
      bytes: f.bytes,
      maxBytes: deps.config.uploadMaxBytes,
      field: "attachments",
      allowed: ["application/pdf", "image/jpeg", "image/png"],
      quota,
    });
    await addAttachment(q, notice.id, stored.id, stored.name);
  }
}
