// The citizen's vault (kho dữ liệu điện tử): documents uploaded once and results received, reused later.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { readStoredFile, storeFile } from "../../../platform/files/file-store.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../citizens.repository.ts";
import { type OwnerCtx, requireOwner } from "./require-owner.ts";

export type VaultItem = repo.VaultItemRow;
const LIST_LIMIT = 200;

/** Used by other modules too (a dossier's result lands here), inside their transaction. */
export async function addToVault(
  q: Queryable,
  input: {
    userId: string;
    fileId: string;
    title: string;
    kind: "upload" | "result";
    documentType?: string | null;
    sourceDossierId?: string | null;
    now?: Date;
  },
): Promise<string> {
  return repo.insertVaultItem(q, {
    userId: input.userId,
    fileId: input.fileId,
    title: input.title.slice(0, 200),
    kind: input.kind,
    documentType: input.documentType ?? null,
    sourceDossierId: input.sourceDossierId ?? null,
    now: input.now ?? null,
  });
}

/** The owner's item, inside the caller's transaction (a dossier filed with a document from the vault); null otherwise. */
export async function vaultItemFile(q: Queryable, userId: string, itemId: string): Promise<{ id: string; fileId: string; title: string } | null> {
  const item = await repo.findVaultItem(q, userId, itemId);
  return item ? { id: item.id, fileId: item.fileId, title: item.title } : null;
}

export async function listVault(deps: Pick<Deps, "db">, ctx: OwnerCtx, userId: string): Promise<VaultItem[]> {
  requireOwner(ctx, userId);
  return repo.listVaultItems(deps.db, userId, LIST_LIMIT);
}

export async function getVaultFile(deps: Pick<Deps, "db">, ctx: OwnerCtx, userId: string, itemId: string) {
  requireOwner(ctx, userId);
  const item = await repo.findVaultItem(deps.db, userId, itemId);
  const file = item ? await readStoredFile(deps.db, item.fileId) : null;
  if (!item || !file) throw notFound();
  return { item, file };
}

/** Only the vault row goes: a dossier that was filed with the file keeps it. */
export async function removeFromVault(deps: Pick<Deps, "db" | "events">, ctx: OwnerCtx, userId: string, itemId: string): Promise<void> {
  requireOwner(ctx, userId);
  await deps.db.tx(async (q) => {
    if (!(await repo.deleteVaultItem(q, userId, itemId))) throw notFound();
    await deps.events.publish(q, {
      type: "vault.itemRemoved",
      actor: ctx.actor,
      target: { type: "vaultItem", id: itemId },
      adminUnitCode: null,
      requestId: ctx.requestId,
    });
  });
}

export async function uploadToVault(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: OwnerCtx,
  userId: string,
  input: { title: string; documentType?: string | null; name: string; bytes: Uint8Array; maxBytes?: number },
): Promise<VaultItem> {
  requireOwner(ctx, userId);
  return deps.db.tx(async (q) => {
    const file = await storeFile(q, {
      ownerUserId: userId,
      communeCode: null,
      name: input.name,
      bytes: input.bytes,
      maxBytes: input.maxBytes ?? deps.config.uploadMaxBytes,
      field: "file",
    });
    const id = await addToVault(q, { userId, fileId: file.id, title: input.title, kind: "upload", documentType: input.documentType, now: deps.clock.now() });
    await deps.events.publish(q, {
      type: "vault.itemAdded",
      actor: ctx.actor,
      target: { type: "vaultItem", id },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { mediaType: file.mediaType, sizeBytes: file.sizeBytes },
    });
    return (await repo.findVaultItem(q, userId, id))!;
  });
}
