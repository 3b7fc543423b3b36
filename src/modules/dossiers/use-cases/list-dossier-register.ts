// The register (Mẫu 07) of a commune's dossiers for a period.
import { authorise } from "../../../platform/auth/authorise.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import * as repo from "../dossiers.repository.ts";
import type { ReadCtx, ReadDeps } from "./dossier-reads.ts";

export async function dossierRegister(deps: ReadDeps, ctx: ReadCtx, communeCode: string, from: Date, to: Date) {
  const commune = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "dossier.read", commune);
  return { commune, rows: await repo.listRegister(deps.db, commune.code, from, to) };
}
