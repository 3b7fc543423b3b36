// One vault item with its file's bytes, for its owner to download.
import type { Deps } from "../../../deps.ts";
import { readStoredFile } from "../../../platform/files/file-store.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../citizens.repository.ts";
import { type OwnerCtx, requireOwner } from "./require-owner.ts";

export async function getVaultFile(deps: Pick<Deps, "db">, ctx: OwnerCtx, userId: string, itemId: string) {
  requireOwner(ctx, userId);
  const record = await repo.findVaultItem(deps.db, userId, itemId);
  const file = record ? await readStoredFile(deps.db, record.fileId) : null;
  if (!record || !file) throw notFound();
  const item = { ...record, fileName: file.name, mediaType: file.mediaType, sizeBytes: file.sizeBytes };
  return { item, file };
}
