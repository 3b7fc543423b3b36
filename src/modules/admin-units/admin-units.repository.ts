// The only code that queries admin_units.
import { type Queryable, queryPrepared } from "../../platform/db/database.ts";
import { searchKey } from "../../platform/text/search-key.ts";
import type { AdminUnit, Level } from "./admin-units.contract.ts";
import type { AdminUnitRow } from "./admin-units.model.ts";

export type NewAdminUnit = Omit<AdminUnit, "parentCode"> & { parentCode: string | null };

const COLUMNS = `code, parent_code AS "parentCode", level, unit_type AS "unitType", name, full_name AS "fullName",
  name_en AS "nameEn", full_name_en AS "fullNameEn", path, sort_name AS "sortName"`;

export async function findByCode(q: Queryable, code: string, served: string[]): Promise<AdminUnitRow | null> {
  const { rows } = await queryPrepared<AdminUnitRow>(
    q,
    "admin_units_by_code",
    `SELECT ${COLUMNS} FROM admin_units WHERE code = $1 AND split_part(path, '/', 2) = ANY($2)`,
    [code, served],
  );
  return rows[0] ?? null;
}

export async function listProvinces(q: Queryable, served: string[]): Promise<AdminUnitRow[]> {
  const { rows } = await queryPrepared<AdminUnitRow>(
    q,
    "admin_units_provinces",
    `SELECT ${COLUMNS} FROM admin_units WHERE level = 'province' AND code = ANY($1) ORDER BY sort_name, code`,
    [served],
  );
  return rows;
}

export async function listChildren(q: Queryable, parentCode: string, after: [string, string] | null, limit: number): Promise<AdminUnitRow[]> {
  const { rows } = await queryPrepared<AdminUnitRow>(
    q,
    "admin_units_children",
    `SELECT ${COLUMNS} FROM admin_units WHERE parent_code = $1 AND ($2::text IS NULL OR (sort_name, code) > ($2, $3))
     ORDER BY sort_name, code LIMIT $4`,
    [parentCode, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows;
}

export async function countChildren(q: Queryable, parentCode: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [parentCode]);
  return rows[0]?.n ?? 0;
}

export async function ancestors(q: Queryable, unit: AdminUnitRow): Promise<AdminUnitRow[]> {
  const codes = unit.path.split("/").filter(Boolean).slice(0, -1);
  if (codes.length === 0) return [];
  const { rows } = await q.query<AdminUnitRow>(`SELECT ${COLUMNS} FROM admin_units WHERE code = ANY($1) ORDER BY length(path)`, [codes]);
  return rows;
}

const LEVEL_RANK = `CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END`;

/** Diacritic- and case-insensitive search; every word must appear. Ordered by level, then name. */
export async function search(
  q: Queryable,
  opts: { text: string; served: string[]; level?: Level; after: [number, string, string] | null; limit: number },
): Promise<(AdminUnitRow & { rank: number })[]> {
  const words = searchKey(opts.text).split(" ").filter(Boolean).slice(0, 6);
  const params: unknown[] = [opts.served, opts.level ?? null, opts.after?.[0] ?? null, opts.after?.[1] ?? null, opts.after?.[2] ?? null, opts.limit];
  const wordClauses = words.map((w) => {
    params.push(`%${w.replace(/[\\%_]/g, "\\$&")}%`);
    return `search_text LIKE $${params.length}`;
  });
  const { rows } = await queryPrepared<AdminUnitRow & { rank: number }>(
    q,
    `admin_units_search_${words.length}`,
    `SELECT ${COLUMNS}, ${LEVEL_RANK} AS rank FROM admin_units
     WHERE ${wordClauses.join(" AND ") || "false"}
       AND split_part(path, '/', 2) = ANY($1) AND ($2::text IS NULL OR level = $2)
       AND ($3::int IS NULL OR (${LEVEL_RANK}, sort_name, code) > ($3, $4, $5))
     ORDER BY rank, sort_name, code LIMIT $6`,
    params,
  );
  return rows;
}

/** Inserts or updates units in bulk, parents' level before children's, so each path builds on its parent's. */
export async function upsertUnits(q: Queryable, units: NewAdminUnit[]): Promise<number> {
  let written = 0;
  for (const level of ["province", "district", "commune", "village"] as const) {
    const batch = units.filter((u) => u.level === level);
    if (batch.length === 0) continue;
    const col = <K extends keyof NewAdminUnit>(k: K) => batch.map((u) => u[k]);
    const res = await q.query(
      `INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, name_en, full_name_en, path, search_text, sort_name)
       SELECT n.code, n.parent_code, n.level, n.unit_type, n.name, n.full_name, n.name_en, n.full_name_en,
              coalesce(p.path, '/') || n.code || '/', n.search_text, n.sort_name
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS n(code, parent_code, level, unit_type, name, full_name, name_en, full_name_en, search_text, sort_name)
       LEFT JOIN admin_units p ON p.code = n.parent_code
       ON CONFLICT (code) DO UPDATE SET unit_type = EXCLUDED.unit_type, name = EXCLUDED.name, full_name = EXCLUDED.full_name,
         name_en = EXCLUDED.name_en, full_name_en = EXCLUDED.full_name_en, search_text = EXCLUDED.search_text,
         sort_name = EXCLUDED.sort_name, updated_at = now()
       WHERE (admin_units.unit_type, admin_units.name, admin_units.full_name, admin_units.name_en, admin_units.full_name_en)
         IS DISTINCT FROM (EXCLUDED.unit_type, EXCLUDED.name, EXCLUDED.full_name, EXCLUDED.name_en, EXCLUDED.full_name_en)`,
      [
        col("code"),
        col("parentCode"),
        col("level"),
        col("unitType"),
        col("name"),
        col("fullName"),
        col("nameEn"),
        col("fullNameEn"),
        batch.map((u) => searchKey(`${u.fullName} ${u.name} ${u.nameEn ?? ""}`)),
        batch.map((u) => searchKey(u.name)),
      ],
    );
    written += res.rowCount ?? 0;
  }
  return written;
}

/** Fresh planner statistics after a bulk load, so the first searches are planned well. */
export async function analyze(q: Queryable): Promise<void> {
  await q.query("ANALYZE admin_units");
}

export async function nextVillageCode(q: Queryable, communeCode: string): Promise<string> {
  // Serialise village creation per commune so two officers cannot take the same number.
  await q.query("SELECT pg_advisory_xact_lock(hashtext('village:' || $1))", [communeCode]);
  const { rows } = await q.query<{ n: number }>(
    `SELECT coalesce(max(split_part(code, '.', 2)::int), 0) + 1 AS n FROM admin_units WHERE parent_code = $1 AND level = 'village'`,
    [communeCode],
  );
  return `${communeCode}.${String(rows[0]?.n ?? 1).padStart(3, "0")}`;
}

export async function updateVillage(q: Queryable, code: string, name: string, unitType: string): Promise<void> {
  await q.query(
    `UPDATE admin_units SET name = $2, full_name = $3, unit_type = $4, search_text = $5, sort_name = $6, updated_at = now()
     WHERE code = $1 AND level = 'village'`,
    [code, name, `${unitType} ${name}`, unitType, searchKey(`${unitType} ${name}`), searchKey(name)],
  );
}

export async function countUnits(q: Queryable): Promise<Record<Level, number>> {
  const { rows } = await q.query<{ level: Level; n: number }>("SELECT level, count(*)::int AS n FROM admin_units GROUP BY level");
  const out = { province: 0, district: 0, commune: 0, village: 0 };
  for (const r of rows) out[r.level] = r.n;
  return out;
}

/** Codes of the units inside any of the given subtrees (each path a prefix such as '/15/02923/'). */
export async function listCodesWithin(q: Queryable, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const { rows } = await q.query<{ code: string }>("SELECT code FROM admin_units WHERE path LIKE ANY (SELECT p || '%' FROM unnest($1::text[]) p)", [paths]);
  return rows.map((r) => r.code);
}
