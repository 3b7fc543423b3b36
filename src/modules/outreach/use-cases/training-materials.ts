// Materials of a training (slides, handouts: PDF or images), stored with the platform's file store and its upload
// limits; and their download, for anyone who may see the training.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { readStoredFile, type StoredFileContent, storeFile } from "../../../platform/files/file-store.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../campaigns/trainings.repository.ts";
import { loadTraining } from "./training-access.ts";

export async function addTrainingMaterial(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context & { principal: Principal | null },
  id: string,
  upload: { name: string; bytes: Uint8Array | null; clientIp: string | null; field?: string },
): Promise<{ fileId: string; name: string; mediaType: string; sizeBytes: number }> {
  const training = await loadTraining(deps, ctx.principal, id, { manage: true });
  const p = ctx.principal as Principal;
  const field = upload.field ?? "file";
  if (!upload.bytes) throw new AppError("validation", "error.validation", [{ field, code: "required", message: "validation.required" }]);
  const bytes = upload.bytes;
  return deps.db.tx(async (q) => {
    const stored = await storeFile(q, {
      ownerUserId: p.userId,
      communeCode: training.communeCode,
      name: upload.name,
      bytes,
      maxBytes: deps.config.uploadMaxBytes,
      field,
      quota: uploadQuota(deps.config, p, upload.clientIp, deps.clock.now()),
    });
    await repo.insertMaterial(q, training.id, stored.id, stored.name);
    await deps.events.publish(q, {
      type: "training.materialAdded",
      actor: ctx.actor,
      target: { type: "training", id: training.id },
      adminUnitCode: training.unitCode || training.communeCode,
      requestId: ctx.requestId,
      details: { fileId: stored.id, name: stored.name, sizeBytes: stored.sizeBytes },
    });
    return { fileId: stored.id, name: stored.name, mediaType: stored.mediaType, sizeBytes: stored.sizeBytes };
  });
}

/** A material's bytes: training materials hold no one's personal data, so the read is not audited. */
export async function getTrainingMaterial(
  deps: Pick<Deps, "db">,
  ctx: { principal: Principal | null },
  id: string,
  fileId: string,
): Promise<StoredFileContent> {
  const training = await loadTraining(deps, ctx.principal, id);
  if (!isUuid(fileId) || !(await repo.hasMaterial(deps.db, training.id, fileId))) throw notFound();
  const file = await readStoredFile(deps.db, fileId);
  if (!file) throw notFound();
  return file;
}
