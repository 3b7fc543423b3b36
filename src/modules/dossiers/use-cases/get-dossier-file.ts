// A document of a dossier, for whoever may see the dossier.
import { readStoredFile } from "../../../platform/files/file-store.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../dossiers.repository.ts";
import { loadViewable, type ReadAs, type ReadCtx, type ReadDeps, recordDossierRead } from "./dossier-reads.ts";

export async function getDossierFile(deps: ReadDeps, ctx: ReadCtx, dossierId: string, documentId: string, opts: ReadAs = {}) {
  const { d, capacity } = await loadViewable(deps, ctx, dossierId, opts);
  const doc = (await repo.listDocuments(deps.db, d.id)).find((x) => x.id === documentId);
  const file = doc ? await readStoredFile(deps.db, doc.fileId) : null;
  if (!file) throw new AppError("not_found", "error.notFound");
  await recordDossierRead(deps, ctx, d, capacity, { part: "document", documentId });
  return file;
}
