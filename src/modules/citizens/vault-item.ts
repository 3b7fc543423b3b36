// A vault item as people see it: the citizens module's row with its file's name, type and size from the file store.
import type { Queryable } from "../../platform/db/database.ts";
import { readFilesMeta } from "../../platform/files/file-store.ts";

export type VaultItemRecord = {
  id: string;
  userId: string;
  fileId: string;
  title: string;
  kind: "upload" | "result";
  documentType: string | null;
  sourceDossierId: string | null;
  createdAt: Date;
};

export type VaultItem = VaultItemRecord & { fileName: string; mediaType: string; sizeBytes: number };

/** Items whose file is gone (it cannot be, while the foreign key holds) are left out rather than shown broken. */
export async function withFileDetails(q: Queryable, items: readonly VaultItemRecord[]): Promise<VaultItem[]> {
  const files = await readFilesMeta(
    q,
    items.map((i) => i.fileId),
  );
  return items.flatMap((i) => {
    const f = files.get(i.fileId);
    return f ? [{ ...i, fileName: f.name, mediaType: f.mediaType, sizeBytes: f.sizeBytes }] : [];
  });
}
