// A vault item's file, for filing a dossier with a document from the vault.
import type { Queryable } from "../../../platform/db/database.ts";
import * as repo from "../citizens.repository.ts";

/** The owner's item, inside the caller's transaction; null for anyone else's or a missing one. */
export async function vaultItemFile(q: Queryable, userId: string, itemId: string): Promise<{ id: string; fileId: string; title: string } | null> {
  const item = await repo.findVaultItem(q, userId, itemId);
  return item ? { id: item.id, fileId: item.fileId, title: item.title } : null;
}
