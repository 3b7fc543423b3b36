// What the import and export forms offer: the communes whose registry the caller manages, named, and their villages.
import type { Deps } from "../../../deps.ts";
import { communesGranted, getAdminUnit } from "../../admin-units/index.ts";
import * as repo from "../import/import.repository.ts";
import type { ImportCtx } from "./import-context.ts";

export type ImportChoices = { communes: { code: string; name: string }[]; villages: { code: string; name: string }[] };

/** The villages are listed when there is one commune to choose (a commune officer's own). */
export async function importChoices(deps: Pick<Deps, "db" | "config">, ctx: ImportCtx): Promise<ImportChoices> {
  const codes = ctx.principal ? communesGranted(ctx.principal, "registry.manage") : [];
  const communes = await Promise.all(codes.map(async (code) => ({ code, name: (await getAdminUnit(deps, code)).fullName })));
  const villages = codes.length === 1 ? (await repo.communeVillages(deps.db, codes[0]!)).map((v) => ({ code: v.code, name: v.fullName })) : [];
  return { communes, villages };
}
