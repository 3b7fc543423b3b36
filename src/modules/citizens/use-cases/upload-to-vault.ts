// The owner uploads a document to their vault, to reuse it in later dossiers.
import type { Deps } from "../../../deps.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import * as repo from "../citizens.repository.ts";
import type { VaultItem } from "../vault-item.ts";
import { addToVault } from "./add-to-vault.ts";
import { type OwnerCtx, requireOwner } from "./require-owner.ts";

export async function uploadToVault(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: OwnerCtx,
  userId: string,
  /** clientIp: the uploader's address, for the per-address upload limit; field: the one errors name (default "file"). */
  input: { title: string; documentType?: string | null; name: string; bytes: Uint8Array; maxBytes?: number; clientIp?: string | null; field?: string },
): Promise<VaultItem> {
  const p = requireOwner(ctx, userId);
  return deps.db.tx(async (q) => {
    const file = await storeFile(q, {
      ownerUserId: userId,
      communeCode: null,
      name: input.name,
      bytes: input.bytes,
      maxBytes: input.maxBytes ?? deps.config.uploadMaxBytes,
      field: input.field ?? "file",
      quota: uploadQuota(deps.config, p, input.clientIp ?? null, deps.clock.now()),
    });
    const { id, added } = await addToVault(q, {
      userId,
      fileId: file.id,
      title: input.title,
      kind: "upload",
      documentType: input.documentType,
      now: deps.clock.now(),
    });
    // The same content again: the vault keeps the item it has, and nothing was added to record.
    if (added)
      await deps.events.publish(q, {
        type: "vault.itemAdded",
        actor: ctx.actor,
        target: { type: "vaultItem", id },
        adminUnitCode: null,
        requestId: ctx.requestId,
        details: { mediaType: file.mediaType, sizeBytes: file.sizeBytes },
      });
    const record = (await repo.findVaultItem(q, userId, id))!;
    return { ...record, fileName: file.name, mediaType: file.mediaType, sizeBytes: file.sizeBytes };
  });
}
