// The registry back as the import's own file: one row per person, for a commune or one of its villages, only the
// households the caller may see. A read of personal data: audited once per file.
import type { Deps } from "../../../deps.ts";
import { authorise } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { householdAccess, householdVisibleSql } from "../household-access.ts";
import { type ExportPerson, type FileFormat, MEDIA_TYPES, writeFile } from "../import/household-file.ts";
import * as repo from "../import/import.repository.ts";
import { type ImportCtx, manageableCommune } from "./import-context.ts";

export type ExportInput = { communeCode: string; villageCode?: string | null; format: FileFormat };

export async function exportRegistry(
  deps: Pick<Deps, "db" | "config" | "events">,
  ctx: ImportCtx,
  input: ExportInput,
): Promise<{ bytes: Uint8Array; mediaType: string; filename: string; people: number }> {
  const commune = await manageableCommune(deps, ctx, input.communeCode);
  let villageCode: string | null = null;
  if (input.villageCode) {
    const village = (await repo.communeVillages(deps.db, commune.code)).find((v) => v.code === input.villageCode);
    if (!village) throw new AppError("validation", "error.validation", [{ field: "village", code: "unknown", message: "registryImport.error.unknownVillage" }]);
    authorise(ctx.principal, "registry.manage", village);
    villageCode = village.code;
  }
  const params: unknown[] = [];
  const sql = householdVisibleSql(householdAccess(ctx.principal), "h", params);
  const rows = await repo.exportPeople(deps.db, { communeCode: commune.code, villageCode, visible: { sql, params } });
  // Households numbered in file order: a key that groups members, short enough to type.
  const keys = new Map<string, string>();
  const people: ExportPerson[] = rows.map(({ householdId, ...r }) => {
    if (!keys.has(householdId)) keys.set(householdId, `H${String(keys.size + 1).padStart(4, "0")}`);
    return { ...r, household: keys.get(householdId)!, flags: r.flags ?? [] };
  });
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "registryExport", id: villageCode ?? commune.code },
    adminUnitCode: commune.code,
    details: { format: input.format, village: villageCode, people: people.length, households: keys.size },
  });
  const bytes = await writeFile(people, input.format);
  return { bytes, mediaType: MEDIA_TYPES[input.format], filename: `so-ho-${villageCode ?? commune.code}.${input.format}`, people: people.length };
}
