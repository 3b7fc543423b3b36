// Which indicator sets a province uses. The sets shipped with XãSố are files (reference-data/indicator-sets/*.json,
// version 1 unless the file says otherwise); a version stored in the database (a province's edited copy, an import)
// replaces the shipped one of the same key. Compiled sets are cached by their stored row (versions never change).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../platform/http/app-error.ts";
import * as repo from "./indicators.repository.ts";
import { type CompiledSet, compileSetDefinition } from "./set-definition.ts";

export const SHIPPED_SETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../reference-data/indicator-sets");

export type ResolvedSet = CompiledSet & {
  version: number;
  /** Null for the shipped file; the stored row otherwise. */
  rowId: string | null;
  /** The province whose own copy this is; null: for every province. */
  provinceCode: string | null;
  shipped: boolean;
};

let shippedCache: ResolvedSet[] | null = null;

/** The sets shipped with XãSố, parsed and checked once (a broken shipped file stops the server at boot). */
export function shippedSets(): ResolvedSet[] {
  if (shippedCache) return shippedCache;
  const files = readdirSync(SHIPPED_SETS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  shippedCache = files.map((f) => {
    const raw = JSON.parse(readFileSync(path.join(SHIPPED_SETS_DIR, f), "utf8")) as { version?: number; set: unknown };
    const compiled = compileSetDefinition(raw.set, `${f}: `);
    return { ...compiled, version: raw.version ?? 1, rowId: null, provinceCode: null, shipped: true };
  });
  return shippedCache;
}

const compiledRows = new Map<string, ResolvedSet>();

function fromRow(row: repo.SetRow): ResolvedSet {
  let c = compiledRows.get(row.id);
  if (!c) {
    c = { ...compileSetDefinition(row.definition), version: row.version, rowId: row.id, provinceCode: row.provinceCode, shipped: row.shipped };
    compiledRows.set(row.id, c);
  }
  return c;
}

/** Every set a province uses, shipped ones replaced by stored versions of the same key; ordered as shipped. */
export async function setsForProvince(deps: Pick<Deps, "db">, provinceCode: string): Promise<ResolvedSet[]> {
  const stored = new Map((await repo.activeSetRows(deps.db, provinceCode)).map((r) => [r.key, fromRow(r)] as const));
  const out: ResolvedSet[] = [];
  for (const s of shippedSets()) {
    out.push(stored.get(s.key) ?? s);
    stored.delete(s.key);
  }
  out.push(...[...stored.values()].sort((a, b) => a.key.localeCompare(b.key)));
  return out;
}

/** One set by key for a province, or 404. */
export async function setForProvince(deps: Pick<Deps, "db">, provinceCode: string, key: string): Promise<ResolvedSet> {
  const s = (await setsForProvince(deps, provinceCode)).find((x) => x.key === key);
  if (!s) throw new AppError("not_found", "error.notFound");
  return s;
}
