// Checks an uploaded registry file and keeps the result as a preview: problems at their cells, duplicates for a
// decision, counts. Nothing is written to households or residents here.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { householdAccess, householdVisibleSql } from "../household-access.ts";
import { type FileFormat, type PersonRow, parsePeople, readSheet } from "../import/household-file.ts";
import * as repo from "../import/import.repository.ts";
import { type ImportCtx, manageableCommune } from "./import-context.ts";

export type CheckInput = { communeCode: string; fileName: string; bytes: Uint8Array; format: FileFormat };

export async function checkImport(deps: Pick<Deps, "db" | "config" | "clock" | "events">, ctx: ImportCtx, input: CheckInput): Promise<repo.ImportRow> {
  const commune = await manageableCommune(deps, ctx, input.communeCode);
  const sheet = await readSheet(input.bytes, input.format);
  const villages = await repo.communeVillages(deps.db, commune.code);
  const parsed = parsePeople(sheet, villages, deps.clock.now());
  const duplicates = await findDuplicates(deps.db, ctx, parsed.people);
  const summary: repo.ImportSummary = {
    people: parsed.people.length,
    households: parsed.households,
    villages: new Set(parsed.people.map((p) => p.villageCode).filter(Boolean)).size,
    problemCount: parsed.problemCount,
    format: input.format,
  };
  return deps.db.tx(async (q) => {
    const row = await repo.insertImport(q, {
      communeCode: commune.code,
      fileName: input.fileName.slice(0, 200),
      people: parsed.people,
      problems: parsed.problems,
      duplicates,
      summary,
      createdBy: ctx.actor.userId,
    });
    await deps.events.publish(q, {
      type: "household.importChecked",
      actor: ctx.actor,
      target: { type: "registryImport", id: row.id },
      adminUnitCode: commune.code,
      requestId: ctx.requestId,
      details: { fileName: row.fileName, people: parsed.people.length, problems: parsed.problemCount, duplicates: duplicates.length },
    });
    return row;
  });
}

/**
 * Duplicates: the same ID number twice in the file or already in the registry; the same folded name and birth
 * year in the same village, in the file or in the registry.
 */
export async function findDuplicates(q: Queryable, ctx: ImportCtx, people: PersonRow[]) {
  const out: repo.Duplicate[] = [];
  const seen = new Set<number>();
  const push = (d: repo.Duplicate) => {
    if (seen.has(d.row)) return;
    seen.add(d.row);
    out.push(d);
  };
  const base = (p: PersonRow) => ({ row: p.row, fullName: p.fullName, birthYear: p.birthYear, villageCode: p.villageCode });

  const params: unknown[] = [];
  const sql = householdVisibleSql(householdAccess(ctx.principal), "h", params);
  const byId = new Map(
    (
      await repo.residentsByIdNumber(
        q,
        people.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
        { sql, params },
      )
    ).map((r) => [r.idNumber, r]),
  );
  const firstWithId = new Map<string, number>();
  for (const p of people) {
    if (!p.idNumber) continue;
    const existing = byId.get(p.idNumber);
    if (existing) {
      push({
        ...base(p),
        kind: "idInRegistry",
        existing: {
          id: existing.visible ? existing.id : "",
          fullName: existing.visible ? existing.fullName : null,
          villageCode: existing.visible ? existing.villageCode : null,
        },
        canImport: false,
      });
      continue;
    }
    const other = firstWithId.get(p.idNumber);
    if (other !== undefined) push({ ...base(p), kind: "idInFile", otherRow: other, canImport: false });
    else firstWithId.set(p.idNumber, p.row);
  }

  const keyOf = (villageCode: string, name: string, year: number) => `${villageCode}|${name}|${year}`;
  const keyed = people.filter((p) => p.villageCode && p.birthYear).map((p) => ({ p, searchName: searchKey(p.fullName) }));
  const inRegistry = new Map<string, { id: string; fullName: string; villageCode: string }>();
  for (const r of await repo.residentsByNameYear(
    q,
    keyed.map(({ p, searchName }) => ({ villageCode: p.villageCode!, searchName, birthYear: p.birthYear })),
  )) {
    inRegistry.set(keyOf(r.villageCode, r.searchName, r.birthYear), r);
  }
  const firstWithName = new Map<string, number>();
  for (const { p, searchName } of keyed) {
    const k = keyOf(p.villageCode!, searchName, p.birthYear);
    const existing = inRegistry.get(k);
    // The households of the commune's villages are the importer's to see (registry.manage is an officer's permission).
    if (existing)
      push({
        ...base(p),
        kind: "nameInRegistry",
        existing: { id: existing.id, fullName: existing.fullName, villageCode: existing.villageCode },
        canImport: true,
      });
    else if (firstWithName.has(k)) push({ ...base(p), kind: "nameInFile", otherRow: firstWithName.get(k)!, canImport: true });
    else firstWithName.set(k, p.row);
  }
  return out.sort((a, b) => a.row - b.row);
}
