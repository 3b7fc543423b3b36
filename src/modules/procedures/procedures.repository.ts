// The only code that queries procedures and procedure_versions.
import { type Queryable, queryPrepared } from "../../platform/db/database.ts";
import { searchKey } from "../../platform/text/search-key.ts";
import { PROCEDURE_FIELDS, type ProcedureDefinition, type ProcedureField, type ProcedureListItem } from "./procedures.contract.ts";

export type ProcedureRow = { id: string; code: string; version: number; active: boolean; definition: ProcedureDefinition };
export type ListRow = ProcedureListItem & { rank: number };

const FIELD_ORDER = [...PROCEDURE_FIELDS];
const ROW = `p.id, p.code, v.version, p.active, v.definition`;

export async function findCurrent(q: Queryable, code: string): Promise<ProcedureRow | null> {
  const { rows } = await queryPrepared<ProcedureRow>(
    q,
    "procedures_current",
    `SELECT ${ROW} FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.current_version WHERE p.code = $1`,
    [code],
  );
  return rows[0] ?? null;
}

export async function findVersion(q: Queryable, procedureId: string, version: number): Promise<ProcedureRow | null> {
  const { rows } = await queryPrepared<ProcedureRow>(
    q,
    "procedures_version",
    `SELECT ${ROW} FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id WHERE p.id = $1 AND v.version = $2`,
    [procedureId, version],
  );
  return rows[0] ?? null;
}

export async function findVersionByCode(q: Queryable, code: string, version: number): Promise<ProcedureRow | null> {
  const { rows } = await q.query<ProcedureRow>(
    `SELECT ${ROW} FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id WHERE p.code = $1 AND v.version = $2`,
    [code, version],
  );
  return rows[0] ?? null;
}

/** Locks the procedure's row so two publishes of one code take consecutive version numbers. */
export async function lockCurrent(q: Queryable, code: string): Promise<ProcedureRow | null> {
  const { rows } = await q.query<ProcedureRow>(
    `SELECT ${ROW} FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.current_version
     WHERE p.code = $1 FOR UPDATE OF p`,
    [code],
  );
  return rows[0] ?? null;
}

/** Serialises the first publish of a code (there is no row to lock yet). */
export async function lockCode(q: Queryable, code: string): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('procedure:' || $1))", [code]);
}

export async function insertProcedure(q: Queryable, def: ProcedureDefinition, searchText: string, userId: string | null): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO procedures (code, current_version, name, field, level, online_level, search_text) VALUES ($1, 1, $2, $3, $4, $5, $6) RETURNING id`,
    [def.code, def.name, def.field, def.level, def.onlineLevel, searchText],
  );
  const id = rows[0]!.id;
  await insertVersion(q, id, 1, def, userId);
  return id;
}

export async function insertVersion(q: Queryable, procedureId: string, version: number, def: ProcedureDefinition, userId: string | null): Promise<void> {
  await q.query(`INSERT INTO procedure_versions (procedure_id, version, definition, created_by) VALUES ($1, $2, $3, $4)`, [
    procedureId,
    version,
    JSON.stringify(def),
    userId,
  ]);
}

export async function updateCurrent(q: Queryable, procedureId: string, version: number, def: ProcedureDefinition, searchText: string): Promise<void> {
  await q.query(
    `UPDATE procedures SET current_version = $2, name = $3, field = $4, level = $5, online_level = $6, search_text = $7, updated_at = now() WHERE id = $1`,
    [procedureId, version, def.name, def.field, def.level, def.onlineLevel, searchText],
  );
}

export async function setActive(q: Queryable, code: string, active: boolean): Promise<boolean> {
  const res = await q.query(`UPDATE procedures SET active = $2, updated_at = now() WHERE code = $1 AND active <> $2`, [code, active]);
  return (res.rowCount ?? 0) > 0;
}

export async function existingCodes(q: Queryable): Promise<Set<string>> {
  const { rows } = await q.query<{ code: string }>("SELECT code FROM procedures");
  return new Set(rows.map((r) => r.code));
}

/** Every current definition, in catalogue order (for export). */
export async function listDefinitions(q: Queryable): Promise<ProcedureDefinition[]> {
  const { rows } = await q.query<{ definition: ProcedureDefinition }>(
    `SELECT v.definition FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.current_version
     ORDER BY array_position($1::text[], p.field), p.name, p.code`,
    [FIELD_ORDER],
  );
  return rows.map((r) => r.definition);
}

const RANK = `coalesce(array_position($1::text[], p.field), 999)`;

/** Diacritic- and case-insensitive; every word must appear. Ordered by field (catalogue order), then name. */
export async function search(
  q: Queryable,
  opts: { text?: string; field?: ProcedureField; includeInactive: boolean; after: [number, string, string] | null; limit: number },
): Promise<ListRow[]> {
  const words = searchKey(opts.text ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 6);
  const params: unknown[] = [
    FIELD_ORDER,
    opts.field ?? null,
    opts.includeInactive,
    opts.after?.[0] ?? null,
    opts.after?.[1] ?? null,
    opts.after?.[2] ?? null,
    opts.limit,
  ];
  const wordClauses = words.map((w) => {
    params.push(`%${w.replace(/[\\%_]/g, "\\$&")}%`);
    return `p.search_text LIKE $${params.length}`;
  });
  const { rows } = await queryPrepared<ListRow>(
    q,
    `procedures_search_${words.length}`,
    `SELECT p.code, p.name, p.field, p.level, p.online_level AS "onlineLevel", p.current_version AS version, p.active,
            v.definition->'processing' AS processing,
            (SELECT coalesce(sum((f->>'amount')::bigint), 0) FROM jsonb_array_elements(v.definition->'fees') f)::int AS "totalFee",
            ${RANK} AS rank
     FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.current_version
     WHERE ${wordClauses.join(" AND ") || "true"}
       AND ($2::text IS NULL OR p.field = $2) AND ($3::boolean OR p.active)
       AND ($4::int IS NULL OR (${RANK}, p.name, p.code) > ($4, $5, $6))
     ORDER BY rank, p.name, p.code LIMIT $7`,
    params,
  );
  return rows;
}
