// The register (Mẫu 07) of a commune's dossiers for a period.
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { authorise } from "../../../platform/auth/authorise.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import * as repo from "../dossiers.repository.ts";
import type { ReadCtx, ReadDeps } from "./dossier-reads.ts";

export async function dossierRegister(deps: ReadDeps, ctx: ReadCtx, communeCode: string, from: Date, to: Date) {
  const commune = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "dossier.read", commune);
  const rows = await repo.listRegister(deps.db, commune.code, from, to);
  // It names, with address and phone, every applicant of the period: one audit entry for the whole register.
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "dossierRegister", id: commune.code },
    adminUnitCode: commune.code,
    details: { from: from.toISOString(), to: to.toISOString() },
  });
  return { commune, rows };
}
