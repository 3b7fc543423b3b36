// Linking files to a dossier: uploads stored (and kept in the citizen's vault), vault items and files the
// caller uploaded earlier. Used by filing and by answering a supplement request.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { addToVault, vaultItemFile } from "../../citizens/index.ts";
import type { DossierDocument } from "../dossiers.model.ts";
import * as repo from "../dossiers.repository.ts";

export type DocumentInput = { requirementKey: string; upload?: { name: string; bytes: Uint8Array }; fileId?: string; vaultItemId?: string };

/**
 * How uploads are recorded: their source and round; replace: a draft's (one document per requirement); the
 * uploader's address and the time, for the upload limits every stored file counts against.
 */
export type AttachOptions = {
  source: "upload" | "scan";
  round: number;
  replace?: boolean;
  clientIp: string | null;
  now: Date;
  /** Each requirement's document name: an upload kept in the vault is named by it (else by its file name). */
  names?: Readonly<Record<string, string>>;
};

/** Stores uploads (into the citizen's vault too, so they are never asked twice) and links vault items. */
export async function attachDocuments(
  deps: Pick<Deps, "config">,
  q: Queryable,
  p: Principal,
  dossierId: string,
  communeCode: string,
  documents: DocumentInput[],
  opts: AttachOptions,
): Promise<DossierDocument[]> {
  const { source: uploadSource, round, replace = false } = opts;
  const quota = uploadQuota(deps.config, p, opts.clientIp, opts.now);
  const rows: Parameters<typeof repo.insertDocuments>[3] = [];
  for (const d of documents) {
    const field = `documents.${d.requirementKey}`;
    let fileId: string;
    let source: DossierDocument["source"] = uploadSource;
    let mustOwn = false;
    if (d.upload) {
      const stored = await storeFile(q, {
        ownerUserId: p.userId,
        communeCode,
        name: d.upload.name,
        bytes: d.upload.bytes,
        maxBytes: deps.config.uploadMaxBytes,
        field,
        quota,
      });
      fileId = stored.id;
      if (p.kind === "citizen")
        await addToVault(q, {
          userId: p.userId,
          fileId,
          title: opts.names?.[d.requirementKey] ?? stored.name,
          kind: "upload",
          documentType: d.requirementKey,
          sourceDossierId: dossierId,
          now: opts.now,
        });
    } else if (d.vaultItemId) {
      const item = await vaultItemFile(q, p.userId, d.vaultItemId);
      if (!item) throw new AppError("validation", "error.validation", [{ field, code: "unknown", message: "dossiers.error.vaultItem" }]);
      fileId = item.fileId;
      source = "vault";
    } else if (d.fileId) {
      // A file id sent by the caller links only if the caller uploaded it (checked in the insert).
      if (!/^[0-9a-f-]{36}$/i.test(d.fileId))
        throw new AppError("validation", "error.validation", [{ field, code: "unknown", message: "dossiers.error.file" }]);
      fileId = d.fileId;
      mustOwn = true;
    } else continue;
    // A draft replaces each requirement's document as it goes (the same key twice keeps the last one).
    if (replace) await repo.removeDraftDocuments(q, dossierId, d.requirementKey);
    rows.push({ requirementKey: d.requirementKey, fileId, source, round, mustOwn });
  }
  const attached = await repo.insertDocuments(q, dossierId, p.userId, rows);
  if (attached.length < rows.length) {
    const linked = new Set(attached.map((a) => `${a.requirementKey}|${a.fileId}`));
    const refused = rows.filter((r) => !linked.has(`${r.requirementKey}|${r.fileId}`));
    throw new AppError(
      "validation",
      "error.validation",
      refused.map((r) => ({ field: `documents.${r.requirementKey}`, code: "unknown", message: "dossiers.error.file" as const })),
    );
  }
  return attached;
}
