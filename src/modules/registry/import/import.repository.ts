// The only SQL of the import area: registry_imports, and the household and resident rows a commit writes.
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../platform/db/database.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import type { ExportPerson, ImportProblem, PersonRow } from "./household-file.ts";

export type ImportStatus = "checking" | "checked" | "committing" | "committed" | "failed";

/** A duplicate found at check time, waiting for a decision (skip the row, or import it as a new person). */
export type Duplicate = {
  row: number;
  kind: "idInFile" | "idInRegistry" | "nameInFile" | "nameInRegistry";
  fullName: string;
  birthYear: number;
  villageCode: string | null;
  /** The other row of the file, for a duplicate inside the file. */
  otherRow?: number;
  /** The resident already in the registry (name shown only when the importer may see their household). */
  existing?: { id: string; fullName: string | null; villageCode: string | null };
  /** Whether importing the row anyway is possible (an ID number already held is not). */
  canImport: boolean;
};

export type ImportSummary = {
  people?: number;
  households?: number;
  villages?: number;
  problemCount?: number;
  imported?: { households: number; people: number; skipped: number };
  error?: { message: string; params?: Record<string, string | number> };
  format?: string;
};

export type ImportRow = {
  id: string;
  communeCode: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  problems: ImportProblem[];
  duplicates: Duplicate[];
  summary: ImportSummary;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

const columns = (a = "") => `${a}id, ${a}commune_code AS "communeCode", ${a}file_name AS "fileName", ${a}status, ${a}total_rows AS "totalRows",
  ${a}processed_rows AS "processedRows", ${a}problems, ${a}duplicates, ${a}summary, ${a}created_by AS "createdBy", ${a}created_at AS "createdAt",
  ${a}finished_at AS "finishedAt"`;
const COLUMNS = columns();

export async function insertImport(
  q: Queryable,
  v: {
    communeCode: string;
    fileName: string;
    people: PersonRow[];
    problems: ImportProblem[];
    duplicates: Duplicate[];
    summary: ImportSummary;
    createdBy: string | null;
  },
): Promise<ImportRow> {
  const r = await q.query<ImportRow>(
    `INSERT INTO registry_imports (commune_code, file_name, status, total_rows, problems, duplicates, summary, rows, created_by, finished_at)
     VALUES ($1, $2, 'checked', $3, $4, $5, $6, $7, $8, NULL) RETURNING ${COLUMNS}`,
    [
      v.communeCode,
      v.fileName,
      v.people.length,
      JSON.stringify(v.problems),
      JSON.stringify(v.duplicates),
      JSON.stringify(v.summary),
      JSON.stringify(v.people),
      v.createdBy,
    ],
  );
  return r.rows[0]!;
}

export async function findImport(q: Queryable, id: string): Promise<ImportRow | null> {
  return (await q.query<ImportRow>(`SELECT ${COLUMNS} FROM registry_imports WHERE id = $1`, [id])).rows[0] ?? null;
}

export async function importRows(q: Queryable, id: string): Promise<PersonRow[]> {
  return ((await q.query<{ rows: PersonRow[] | null }>("SELECT rows FROM registry_imports WHERE id = $1", [id])).rows[0]?.rows ?? []) as PersonRow[];
}

/** The first `n` people of a checked file, sliced in the database (a preview need not load 20,000). */
export async function firstImportRows(q: Queryable, id: string, n: number): Promise<PersonRow[]> {
  const r = await q.query<{ rows: PersonRow[] | null }>(
    "SELECT jsonb_path_query_array(rows, ('$[0 to ' || $2::int || ']')::jsonpath) AS rows FROM registry_imports WHERE id = $1",
    [id, Math.max(0, n - 1)],
  );
  return (r.rows[0]?.rows ?? []) as PersonRow[];
}

/** The imports of the communes under these unit paths, newest first. */
export async function listImports(q: Queryable, paths: string[], limit: number): Promise<ImportRow[]> {
  return (
    await q.query<ImportRow>(
      `SELECT ${columns("i.")} FROM registry_imports i JOIN admin_unit_refs u ON u.code = i.commune_code
       WHERE u.path LIKE ANY($1::text[]) ORDER BY i.created_at DESC, i.id LIMIT $2`,
      [paths.map((p) => `${p}%`), limit],
    )
  ).rows;
}

/** Marks a checked (or failed) import as committing; false when another commit has it or it is done. */
export async function claimForCommit(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query("UPDATE registry_imports SET status = 'committing', processed_rows = 0 WHERE id = $1 AND status IN ('checked', 'failed')", [id]);
  return r.rowCount === 1;
}

export async function setProgress(q: Queryable, id: string, processed: number): Promise<void> {
  await q.query("UPDATE registry_imports SET processed_rows = $2 WHERE id = $1 AND status = 'committing'", [id, processed]);
}

export async function finishImport(q: Queryable, id: string, summary: ImportSummary, total: number): Promise<void> {
  // The people's rows are in the registry now: the import keeps only its counts.
  await q.query(
    "UPDATE registry_imports SET status = 'committed', processed_rows = $3, summary = summary || $2::jsonb, rows = NULL, finished_at = now() WHERE id = $1",
    [id, JSON.stringify(summary), total],
  );
}

export async function failImport(q: Queryable, id: string, error: ImportSummary["error"]): Promise<void> {
  await q.query(
    "UPDATE registry_imports SET status = 'failed', processed_rows = 0, summary = summary || jsonb_build_object('error', $2::jsonb), finished_at = now() WHERE id = $1",
    [id, JSON.stringify(error)],
  );
}

/** Residents (not archived) holding any of these ID numbers, with whether `visibleSql` lets the caller see them. */
export async function residentsByIdNumber(q: Queryable, idNumbers: string[], visible: { sql: string; params: unknown[] }) {
  if (idNumbers.length === 0) return [];
  const params = [...visible.params, idNumbers];
  return (
    await q.query<{ id: string; idNumber: string; fullName: string; villageCode: string; visible: boolean }>(
      `SELECT r.id, r.citizen_id_number AS "idNumber", r.full_name AS "fullName", r.village_code AS "villageCode",
              coalesce((SELECT ${visible.sql} FROM households h WHERE h.id = r.household_id), false) AS visible
       FROM residents r WHERE r.archived_at IS NULL AND r.citizen_id_number = ANY($${params.length}::text[])`,
      params,
    )
  ).rows;
}

/** Residents (not archived) of these villages with the same folded name and birth year as one of the keys. */
export async function residentsByNameYear(q: Queryable, keys: { villageCode: string; searchName: string; birthYear: number }[]) {
  if (keys.length === 0) return [];
  return (
    await q.query<{ id: string; villageCode: string; searchName: string; birthYear: number; fullName: string }>(
      `SELECT r.id, r.village_code AS "villageCode", r.search_name AS "searchName", r.birth_year AS "birthYear", r.full_name AS "fullName"
       FROM residents r
       JOIN unnest($1::text[], $2::text[], $3::int[]) AS k(village_code, search_name, birth_year)
         ON r.village_code = k.village_code AND r.search_name = k.search_name AND r.birth_year = k.birth_year
       WHERE r.archived_at IS NULL`,
      [keys.map((k) => k.villageCode), keys.map((k) => k.searchName), keys.map((k) => k.birthYear)],
    )
  ).rows;
}

export type VillageUnit = { code: string; name: string; fullName: string; path: string };

export async function communeVillages(q: Queryable, communeCode: string): Promise<VillageUnit[]> {
  return (
    await q.query<VillageUnit>(
      `SELECT code, name, full_name AS "fullName", path FROM admin_unit_refs WHERE parent_code = $1 AND level = 'village' ORDER BY code`,
      [communeCode],
    )
  ).rows;
}

/**
 * Writes one chunk of households with their members (the head first), ids made here so the head is known
 * before its row exists (households.head_id is checked at commit).
 */
export async function insertHouseholds(
  q: Queryable,
  v: { communeCode: string; createdBy: string | null; households: { village: VillageUnit; members: PersonRow[] }[] },
): Promise<number> {
  const h = {
    id: [] as string[],
    village: [] as string[],
    path: [] as string[],
    address: [] as string[],
    head: [] as string[],
    poverty: [] as (string | null)[],
  };
  const r = {
    id: [] as string[],
    household: [] as string[],
    village: [] as string[],
    path: [] as string[],
    relation: [] as string[],
    name: [] as string[],
    search: [] as string[],
    date: [] as (string | null)[],
    year: [] as number[],
    sex: [] as (string | null)[],
    phone: [] as (string | null)[],
    idNumber: [] as (string | null)[],
    ethnicity: [] as (string | null)[],
    language: [] as (string | null)[],
    flags: [] as string[],
  };
  for (const hh of v.households) {
    const hid = randomUUID();
    const members = [...hh.members].sort((a, b) => Number(b.relation === "head") - Number(a.relation === "head") || a.row - b.row);
    const ids = members.map(() => randomUUID());
    h.id.push(hid);
    h.village.push(hh.village.code);
    h.path.push(hh.village.path);
    h.address.push(members.find((m) => m.relation === "head" && m.address)?.address ?? members.find((m) => m.address)?.address ?? "");
    h.head.push(ids[0]!);
    h.poverty.push(members.find((m) => m.poverty)?.poverty ?? null);
    members.forEach((m, i) => {
      r.id.push(ids[i]!);
      r.household.push(hid);
      r.village.push(hh.village.code);
      r.path.push(hh.village.path);
      r.relation.push(m.relation);
      r.name.push(m.fullName);
      r.search.push(searchKey(m.fullName));
      r.date.push(m.birthDate);
      r.year.push(m.birthYear);
      r.sex.push(m.sex);
      r.phone.push(m.phone);
      r.idNumber.push(m.idNumber);
      r.ethnicity.push(m.ethnicity);
      r.language.push(m.language);
      // text[] per row travels as a Postgres array literal: unnest of a 2-D array would flatten it.
      r.flags.push(`{${m.flags.join(",")}}`);
    });
  }
  if (h.id.length === 0) return 0;
  await q.query(
    `INSERT INTO households (id, commune_code, village_code, unit_path, address, head_id, poverty, created_by)
     SELECT u.id, $7, u.village_code, u.unit_path, u.address, u.head_id, u.poverty, $8
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[]) AS u(id, village_code, unit_path, address, head_id, poverty)`,
    [h.id, h.village, h.path, h.address, h.head, h.poverty, v.communeCode, v.createdBy],
  );
  await q.query(
    `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name, birth_date, birth_year,
       sex, phone, citizen_id_number, ethnicity, language, flags, created_by)
     SELECT u.id, u.household_id, $16, u.village_code, u.unit_path, u.relation, u.full_name, u.search_name, u.birth_date, u.birth_year,
       u.sex, u.phone, u.id_number, u.ethnicity, u.language, u.flags::text[], $17
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::int[], $10::text[], $11::text[],
       $12::text[], $13::text[], $14::text[], $15::text[]) AS u(id, household_id, village_code, unit_path, relation, full_name, search_name, birth_date,
       birth_year, sex, phone, id_number, ethnicity, language, flags)`,
    [
      r.id,
      r.household,
      r.village,
      r.path,
      r.relation,
      r.name,
      r.search,
      r.date,
      r.year,
      r.sex,
      r.phone,
      r.idNumber,
      r.ethnicity,
      r.language,
      r.flags,
      v.communeCode,
      v.createdBy,
    ],
  );
  return r.id.length;
}

/** The households the caller may see in a commune (or one village), their members head first: the export's rows. */
export async function exportPeople(q: Queryable, v: { communeCode: string; villageCode: string | null; visible: { sql: string; params: unknown[] } }) {
  const params = [...v.visible.params, v.communeCode, v.villageCode];
  const n = params.length;
  return (
    await q.query<Omit<ExportPerson, "household"> & { householdId: string }>(
      `SELECT h.id AS "householdId", u.name AS village, h.address, r.relation_to_head AS relation, r.full_name AS "fullName",
              to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.birth_year AS "birthYear", r.sex, r.phone, r.citizen_id_number AS "idNumber",
              r.ethnicity, r.language, r.flags, h.poverty
       FROM households h
       JOIN residents r ON r.household_id = h.id AND r.archived_at IS NULL
       JOIN admin_unit_refs u ON u.code = h.village_code
       WHERE h.archived_at IS NULL AND h.commune_code = $${n - 1} AND ($${n}::text IS NULL OR h.village_code = $${n}) AND ${v.visible.sql}
       ORDER BY u.code, h.created_at, h.id, (r.id = h.head_id) DESC, r.created_at, r.full_name, r.id`,
      params,
    )
  ).rows;
}
