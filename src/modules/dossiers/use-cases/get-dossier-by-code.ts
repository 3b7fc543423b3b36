// A dossier found by its public code (the one printed on the receipt), read as getDossier reads it.
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierView } from "../dossiers.model.ts";
import type { ReadCtx, ReadDeps } from "./dossier-reads.ts";
import { getDossier } from "./get-dossier.ts";

export async function getDossierByCode(deps: ReadDeps, ctx: ReadCtx, code: string): Promise<DossierView> {
  const d = await repo.findByCode(deps.db, code);
  if (!d) throw new AppError("not_found", "error.notFound");
  return getDossier(deps, ctx, d.id);
}
