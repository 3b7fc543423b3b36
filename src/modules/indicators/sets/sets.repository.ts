// The sets part's queries: stored set versions (indicator_sets) and targets (indicator_targets). A version is never
// edited: saving inserts the next version and retires the active one of the same key and owner, in one transaction.
import type { Queryable } from "../../../platform/db/database.ts";
import type { SetRow } from "../indicators.repository.ts";

const SET_COLUMNS = `id, key, version, province_code AS "provinceCode", definition, active, shipped, note, created_at AS "createdAt"`;

export type VersionRow = SetRow & { createdBy: string | null };

/** Every stored version of a key that a province sees (its own and those for every province), newest first. */
export async function versionsOf(q: Queryable, key: string, provinceCode: string): Promise<VersionRow[]> {
  const { rows } = await q.query<VersionRow>(
    `SELECT ${SET_COLUMNS}, created_by AS "createdBy" FROM indicator_sets
     WHERE key = $1 AND (province_code = $2 OR province_code IS NULL) ORDER BY version DESC, province_code NULLS LAST LIMIT 200`,
    [key, provinceCode],
  );
  return rows;
}

/** One stored version of a key for a province, or null. */
export async function versionRow(q: Queryable, key: string, provinceCode: string, version: number): Promise<VersionRow | null> {
  const { rows } = await q.query<VersionRow>(
    `SELECT ${SET_COLUMNS}, created_by AS "createdBy" FROM indicator_sets
     WHERE key = $1 AND version = $3 AND (province_code = $2 OR province_code IS NULL) ORDER BY province_code NULLS LAST LIMIT 1`,
    [key, provinceCode, version],
  );
  return rows[0] ?? null;
}

/**
 * Stores a province's new version of a set: the next number after every version it has seen (shipped, its own or
 * every province's), the active one of the province retired. The row lock on the older versions serialises two
 * saves of the same key (the unique index would refuse the second otherwise).
 */
export async function insertVersion(
  q: Queryable,
  v: { key: string; provinceCode: string; definition: unknown; note: string; createdBy: string | null; atLeast: number },
): Promise<{ id: string; version: number }> {
  await q.query("SELECT id FROM indicator_sets WHERE key = $1 AND (province_code = $2 OR province_code IS NULL) FOR UPDATE", [v.key, v.provinceCode]);
  const { rows } = await q.query<{ v: number }>(
    "SELECT coalesce(max(version), 0)::int AS v FROM indicator_sets WHERE key = $1 AND (province_code = $2 OR province_code IS NULL)",
    [v.key, v.provinceCode],
  );
  const version = Math.max(rows[0]?.v ?? 0, v.atLeast) + 1;
  await q.query("UPDATE indicator_sets SET active = false WHERE key = $1 AND province_code = $2 AND active", [v.key, v.provinceCode]);
  const ins = await q.query<{ id: string }>(
    `INSERT INTO indicator_sets (key, version, province_code, definition, active, shipped, note, created_by)
     VALUES ($1, $2, $3, $4, true, false, $5, $6) RETURNING id`,
    [v.key, version, v.provinceCode, JSON.stringify(v.definition), v.note, v.createdBy],
  );
  return { id: (ins.rows[0] as { id: string }).id, version };
}

export type TargetRow = { unitCode: string; target: number; setAt: Date };

/** The targets of one indicator and year for some units. */
export async function targetsOf(q: Queryable, setKey: string, indicatorKey: string, year: number, unitCodes: string[]): Promise<TargetRow[]> {
  const { rows } = await q.query<TargetRow>(
    `SELECT unit_code AS "unitCode", target::float8 AS target, set_at AS "setAt" FROM indicator_targets
     WHERE set_key = $1 AND indicator_key = $2 AND year = $3 AND unit_code = ANY($4::text[])`,
    [setKey, indicatorKey, year, unitCodes],
  );
  return rows;
}

/** Writes targets (null removes one); returns the units whose target changed, with old and new values. */
export async function writeTargets(
  q: Queryable,
  t: { setKey: string; indicatorKey: string; year: number; values: { unitCode: string; target: number | null }[]; setBy: string | null; at: Date },
): Promise<{ unitCode: string; from: number | null; to: number | null }[]> {
  const before = new Map(
    (
      await targetsOf(
        q,
        t.setKey,
        t.indicatorKey,
        t.year,
        t.values.map((v) => v.unitCode),
      )
    ).map((r) => [r.unitCode, r.target] as const),
  );
  const changed: { unitCode: string; from: number | null; to: number | null }[] = [];
  for (const v of t.values) {
    const from = before.get(v.unitCode) ?? null;
    if (from === v.target) continue;
    if (v.target === null) {
      await q.query("DELETE FROM indicator_targets WHERE set_key = $1 AND indicator_key = $2 AND unit_code = $3 AND year = $4", [
        t.setKey,
        t.indicatorKey,
        v.unitCode,
        t.year,
      ]);
    } else {
      await q.query(
        `INSERT INTO indicator_targets (set_key, indicator_key, unit_code, year, target, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (set_key, indicator_key, unit_code, year) DO UPDATE SET target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at`,
        [t.setKey, t.indicatorKey, v.unitCode, t.year, v.target, t.setBy, t.at],
      );
    }
    changed.push({ unitCode: v.unitCode, from, to: v.target });
  }
  return changed;
}
