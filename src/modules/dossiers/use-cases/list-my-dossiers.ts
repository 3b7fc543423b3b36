// The signed-in applicant's own dossiers.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../dossiers.repository.ts";
import type { ReadCtx } from "./dossier-reads.ts";

export async function myDossiers(deps: Pick<Deps, "db">, ctx: ReadCtx) {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  return repo.listOwn(deps.db, ctx.principal.userId, 100);
}
