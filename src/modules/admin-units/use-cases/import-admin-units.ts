// Loads the official list (34 provinces, 3,321 communes) from the shipped JSON file. Safe to run again.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Database } from "../../../platform/db/database.ts";
import type { Context, EventBus } from "../../../platform/events/domain-events.ts";
import * as repo from "../admin-units.repository.ts";

export const OFFICIAL_LIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../reference-data/vn-admin-units/units-2025.json");

const Ward = z.object({
  Code: z.string().regex(/^\d{5}$/),
  Name: z.string().min(1),
  FullName: z.string().min(1),
  NameEn: z.string().nullish(),
  FullNameEn: z.string().nullish(),
  ProvinceCode: z.string().regex(/^\d{2}$/),
  AdministrativeUnitShortName: z.string().min(1),
});
const Province = z.object({
  Code: z.string().regex(/^\d{2}$/),
  Name: z.string().min(1),
  FullName: z.string().min(1),
  NameEn: z.string().nullish(),
  FullNameEn: z.string().nullish(),
  AdministrativeUnitShortName: z.string().min(1),
  Wards: z.array(Ward),
});
const OfficialList = z.array(Province).min(1);

export type ImportResult = { provinces: number; communes: number; written: number };

export class ImportFileError extends Error {}

export function parseOfficialList(json: unknown): repo.NewAdminUnit[] {
  const parsed = OfficialList.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ImportFileError(`The file is not an admin-unit list:\n  ${first.join("\n  ")}`);
  }
  const units: repo.NewAdminUnit[] = [];
  for (const p of parsed.data) {
    units.push({
      code: p.Code,
      parentCode: null,
      level: "province",
      unitType: p.AdministrativeUnitShortName,
      name: p.Name,
      fullName: p.FullName,
      nameEn: p.NameEn ?? null,
      fullNameEn: p.FullNameEn ?? null,
    });
    for (const w of p.Wards) {
      if (w.ProvinceCode !== p.Code) throw new ImportFileError(`Commune ${w.Code} says province ${w.ProvinceCode} but sits under ${p.Code}`);
      units.push({
        code: w.Code,
        parentCode: p.Code,
        level: "commune",
        unitType: w.AdministrativeUnitShortName,
        name: w.Name,
        fullName: w.FullName,
        nameEn: w.NameEn ?? null,
        fullNameEn: w.FullNameEn ?? null,
      });
    }
  }
  return units;
}

export async function importAdminUnits(deps: { db: Database; events: EventBus }, ctx: Context, file = OFFICIAL_LIST): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new ImportFileError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const units = parseOfficialList(json);
  const result = await deps.db.tx(async (q) => {
    const written = await repo.upsertUnits(q, units);
    const counts = { provinces: units.filter((u) => u.level === "province").length, communes: units.filter((u) => u.level === "commune").length, written };
    await deps.events.publish(q, {
      type: "adminUnits.imported",
      actor: ctx.actor,
      target: { type: "adminUnitList", id: path.basename(file) },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: counts,
    });
    return counts;
  });
  await repo.analyze(deps.db);
  return result;
}
