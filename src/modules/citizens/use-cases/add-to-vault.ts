// A document lands in a citizen's vault: one they uploaded, or a dossier's result.
import type { Queryable } from "../../../platform/db/database.ts";
import * as repo from "../citizens.repository.ts";

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
