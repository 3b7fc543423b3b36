// A document lands in a citizen's vault: one they uploaded, or a dossier's result. An item is named by its
// document type and the day it came ("Giấy khai sinh — 12/02/2026"), and held once per content: the same file
// (same SHA-256, as the file store computed it) uploaded again gives the item the vault already has.
import type { Queryable } from "../../../platform/db/database.ts";
import { readFileMeta } from "../../../platform/files/file-store.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import * as repo from "../citizens.repository.ts";

/** "Giấy khai sinh — 12/02/2026": the day in Vietnam, dd/mm/yyyy. */
export const vaultTitle = (documentName: string, day: Date) => `${documentName.trim().slice(0, 180)} — ${formatDate(day, "vi")}`;

/** Used by other modules too (a dossier's result lands here), inside their transaction. `added`: false when already held. */
export async function addToVault(
  q: Queryable,
  input: {
    userId: string;
    fileId: string;
    /** What the document is (its type, e.g. the procedure's name for it); the date is added. */
    title: string;
    kind: "upload" | "result";
    documentType?: string | null;
    sourceDossierId?: string | null;
    now?: Date;
  },
): Promise<{ id: string; added: boolean }> {
  const file = await readFileMeta(q, input.fileId);
  if (!file) throw new Error(`vault: no stored file ${input.fileId}`);
  const now = input.now ?? new Date();
  return repo.insertVaultItem(q, {
    userId: input.userId,
    fileId: input.fileId,
    contentSha256: file.sha256,
    title: vaultTitle(input.title, now),
    kind: input.kind,
    documentType: input.documentType ?? null,
    sourceDossierId: input.sourceDossierId ?? null,
    now: input.now ?? null,
  });
}
