// Public reads of the catalogue: what a procedure needs is public information.
import { referenceCache } from "../../../platform/cache/reference-cache.ts";
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { decodeCursor, type Page, toPage } from "../../../platform/http/cursor.ts";
import type { ProcedureDefinition, ProcedureField, ProcedureListItem } from "../procedures.contract.ts";
import * as repo from "../procedures.repository.ts";

export type ProcedureRecord = { id: string; code: string; version: number; active: boolean; definition: ProcedureDefinition; totalFee: number };

export const totalFeeOf = (def: Pick<ProcedureDefinition, "fees">) => def.fees.reduce((s, f) => s + f.amount, 0);
/** The fee for a dossier filed through this channel: online filing takes each line's online rate where it has one. */
export const feeForChannel = (def: Pick<ProcedureDefinition, "fees">, channel: "online" | "counter" | "post") =>
  def.fees.reduce((s, f) => s + (channel === "online" ? (f.onlineAmount ?? f.amount) : f.amount), 0);
export const toRecord = (row: repo.ProcedureRow): ProcedureRecord => ({ ...row, totalFee: totalFeeOf(row.definition) });

/** The current version, active or not (a withdrawn procedure still explains the dossiers filed under it). */
// The version in force is read on every filing: cached for 30 s (publishing here clears it at once).
const currentCache = referenceCache<ProcedureRecord | null>(30_000);
// A published version never changes, so it is cached for as long as there is room.
const versionCache = referenceCache<ProcedureRecord | null>(24 * 3_600_000);

/** Without a code: the whole catalogue (an import). */
export const invalidateCurrentProcedure = (db: object, code?: string) => currentCache.invalidate(db, code);

export async function getProcedure(deps: Pick<Deps, "db">, code: string): Promise<ProcedureRecord> {
  const record = await currentCache.get(deps.db, code, async () => {
    const row = await repo.findCurrent(deps.db, code);
    return row ? toRecord(row) : null;
  });
  if (!record) throw notFound();
  return record;
}

/** The exact version a dossier was filed under. */
export async function getProcedureVersion(q: Queryable, procedureId: string, version: number): Promise<ProcedureRecord> {
  // Keyed by the pool, not a transaction's client, so every caller shares it.
  const holder = (q as { pool?: object }).pool ?? sharedVersions;
  const record = await versionCache.get(holder, `${procedureId}:${version}`, async () => {
    const row = await repo.findVersion(q, procedureId, version);
    return row ? toRecord(row) : null;
  });
  if (!record) throw notFound();
  return record;
}
// Version rows are immutable and keyed by random UUIDs, so one shared map is safe for transaction clients.
const sharedVersions = {};

export async function getProcedureVersionByCode(deps: Pick<Deps, "db">, code: string, version: number): Promise<ProcedureRecord> {
  const row = await repo.findVersionByCode(deps.db, code, version);
  if (!row) throw notFound();
  return toRecord(row);
}

export async function searchProcedures(
  deps: Pick<Deps, "db">,
  query: { q?: string; field?: ProcedureField; cursor?: string; limit: number },
  opts: { includeInactive?: boolean } = {},
): Promise<Page<ProcedureListItem>> {
  const after = decodeCursor(query.cursor, 3) as [number, string, string] | null;
  const rows = await repo.search(deps.db, { text: query.q, field: query.field, includeInactive: opts.includeInactive ?? false, after, limit: query.limit + 1 });
  const page = toPage(rows, query.limit, (r) => [r.rank, r.name, r.code]);
  return { items: page.items.map(({ rank: _rank, ...item }) => item), nextCursor: page.nextCursor };
}
