// The only code of the registry core that queries households, residents and resident_moves. Every read takes the
// visibility condition (householdVisibleSql) from its caller; writes are done once the use case has checked access.
import type { Queryable } from "../../platform/db/database.ts";
import type { HouseholdAccess } from "./household-access.ts";
import { householdVisibleSql } from "./household-access.ts";
import type { Relation, SearchFlag } from "./registry.contract.ts";
import type { HouseholdRow, MoveRow, ResidentCore, ResidentRow, SearchRow } from "./registry.model.ts";

const HOUSEHOLD = `h.id, h.commune_code AS "communeCode", h.village_code AS "villageCode", h.unit_path AS "unitPath", h.address,
  h.head_id AS "headId", h.poverty, h.version, h.created_at AS "createdAt", h.updated_at AS "updatedAt", h.archived_at AS "archivedAt"`;

const RESIDENT = `r.id, r.household_id AS "householdId", r.commune_code AS "communeCode", r.village_code AS "villageCode",
  r.unit_path AS "unitPath", r.relation_to_head AS "relationToHead", r.full_name AS "fullName", r.search_name AS "searchName",
  to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.birth_year AS "birthYear", r.sex, r.phone,
  r.citizen_id_number AS "citizenIdNumber", r.ethnicity, r.language, r.flags, r.user_id AS "userId", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.archived_at AS "archivedAt",
  r.archived_reason AS "archivedReason", r.merged_into AS "mergedInto"`;

const MOVE = `m.id, m.resident_id AS "residentId", r.full_name AS "residentName", m.from_household_id AS "fromHouseholdId",
  m.to_household_id AS "toHouseholdId", m.from_village_code AS "fromVillageCode", m.to_village_code AS "toVillageCode",
  m.relation_to_head AS "relationToHead", m.reason, m.moved_at AS "movedAt", m.moved_by AS "movedBy"`;

// A resident is seen through their household; one who left the commune, through the household they left last.
const RESIDENT_HOUSEHOLD = `coalesce(r.household_id, (SELECT m.from_household_id FROM resident_moves m
  WHERE m.resident_id = r.id AND m.from_household_id IS NOT NULL ORDER BY m.moved_at DESC, m.id DESC LIMIT 1))`;

export async function findVisibleHousehold(q: Queryable, access: HouseholdAccess, id: string, lock = false): Promise<HouseholdRow | null> {
  const params: unknown[] = [id];
  const where = householdVisibleSql(access, "h", params);
  const { rows } = await q.query<HouseholdRow>(`SELECT ${HOUSEHOLD} FROM households h WHERE h.id = $1 AND ${where}${lock ? " FOR UPDATE OF h" : ""}`, params);
  return rows[0] ?? null;
}

export async function findVisibleResident(q: Queryable, access: HouseholdAccess, id: string, lock = false): Promise<ResidentRow | null> {
  const params: unknown[] = [id];
  const where = householdVisibleSql(access, "h", params);
  const { rows } = await q.query<ResidentRow>(
    `SELECT ${RESIDENT} FROM residents r JOIN households h ON h.id = ${RESIDENT_HOUSEHOLD}
     WHERE r.id = $1 AND ${where}${lock ? " FOR UPDATE OF r" : ""}`,
    params,
  );
  return rows[0] ?? null;
}

/** A household by id, with no access check: only for a household already reached through a visible resident. */
export async function findHousehold(q: Queryable, id: string): Promise<HouseholdRow | null> {
  const { rows } = await q.query<HouseholdRow>(`SELECT ${HOUSEHOLD} FROM households h WHERE h.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function lockHousehold(q: Queryable, id: string): Promise<HouseholdRow | null> {
  const { rows } = await q.query<HouseholdRow>(`SELECT ${HOUSEHOLD} FROM households h WHERE h.id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function listMembers(q: Queryable, householdId: string): Promise<ResidentRow[]> {
  const { rows } = await q.query<ResidentRow>(
    `SELECT ${RESIDENT} FROM residents r WHERE r.household_id = $1 AND r.archived_at IS NULL
     ORDER BY (r.relation_to_head = 'head') DESC, r.birth_year, r.search_name, r.id`,
    [householdId],
  );
  return rows;
}

export async function movesOfHousehold(q: Queryable, householdId: string): Promise<MoveRow[]> {
  const { rows } = await q.query<MoveRow>(
    `SELECT ${MOVE} FROM resident_moves m JOIN residents r ON r.id = m.resident_id
     WHERE m.from_household_id = $1 OR m.to_household_id = $1 ORDER BY m.moved_at DESC, m.id DESC LIMIT 200`,
    [householdId],
  );
  return rows;
}

export async function movesOfResident(q: Queryable, residentId: string): Promise<MoveRow[]> {
  const { rows } = await q.query<MoveRow>(
    `SELECT ${MOVE} FROM resident_moves m JOIN residents r ON r.id = m.resident_id WHERE m.resident_id = $1 ORDER BY m.moved_at DESC, m.id DESC`,
    [residentId],
  );
  return rows;
}

export type NewHousehold = {
  id: string;
  communeCode: string;
  villageCode: string;
  unitPath: string;
  address: string;
  poverty: HouseholdRow["poverty"];
  createdBy: string | null;
};

export async function insertHousehold(q: Queryable, h: NewHousehold, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO households (id, commune_code, village_code, unit_path, address, poverty, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
    [h.id, h.communeCode, h.villageCode, h.unitPath, h.address, h.poverty, h.createdBy, now],
  );
}

export type NewResident = ResidentCore & Pick<ResidentRow, "relationToHead" | "ethnicity" | "language" | "flags"> & { createdBy: string | null };

export async function insertResident(q: Queryable, r: NewResident, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name,
       birth_date, birth_year, sex, phone, citizen_id_number, ethnicity, language, flags, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)`,
    [
      r.id,
      r.householdId,
      r.communeCode,
      r.villageCode,
      r.unitPath,
      r.relationToHead,
      r.fullName,
      r.searchName,
      r.birthDate,
      r.birthYear,
      r.sex,
      r.phone,
      r.citizenIdNumber,
      r.ethnicity,
      r.language,
      r.flags,
      r.createdBy,
      now,
    ],
  );
}

/** Sets the household's fields and bumps its version, only if `version` is still current; false when it was not. */
export async function updateHousehold(
  q: Queryable,
  id: string,
  version: number,
  set: { address: string; villageCode: string; communeCode: string; unitPath: string; poverty: HouseholdRow["poverty"]; headId: string | null },
  now: Date,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE households SET address = $3, village_code = $4, commune_code = $5, unit_path = $6, poverty = $7, head_id = $8,
       version = version + 1, updated_at = $9 WHERE id = $1 AND version = $2`,
    [id, version, set.address, set.villageCode, set.communeCode, set.unitPath, set.poverty, set.headId, now],
  );
  return rowCount === 1;
}

/** The head of a household just created (its version stays 1). */
export async function setHead(q: Queryable, id: string, headId: string): Promise<void> {
  await q.query("UPDATE households SET head_id = $2 WHERE id = $1", [id, headId]);
}

/** A change of membership (someone joined, left or died) is a change of the household: its version moves on. */
export async function touchHousehold(q: Queryable, id: string, now: Date, archive = false): Promise<void> {
  await q.query(`UPDATE households SET version = version + 1, updated_at = $2${archive ? ", archived_at = $2" : ""} WHERE id = $1`, [id, now]);
}

/** Members follow their household to another village. */
export async function moveMembersToVillage(q: Queryable, householdId: string, to: { villageCode: string; communeCode: string; unitPath: string }, now: Date) {
  await q.query(
    `UPDATE residents SET village_code = $2, commune_code = $3, unit_path = $4, version = version + 1, updated_at = $5
     WHERE household_id = $1 AND archived_at IS NULL`,
    [householdId, to.villageCode, to.communeCode, to.unitPath, now],
  );
}

export type ResidentSet = Omit<NewResident, "id" | "createdBy"> & {
  archivedAt: Date | null;
  archivedReason: ResidentRow["archivedReason"];
  mergedInto: string | null;
};

export async function updateResident(q: Queryable, id: string, version: number, s: ResidentSet, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE residents SET household_id = $3, commune_code = $4, village_code = $5, unit_path = $6, relation_to_head = $7,
       full_name = $8, search_name = $9, birth_date = $10, birth_year = $11, sex = $12, phone = $13, citizen_id_number = $14,
       ethnicity = $15, language = $16, flags = $17, archived_at = $18, archived_reason = $19, merged_into = $20,
       version = version + 1, updated_at = $21
     WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      s.householdId,
      s.communeCode,
      s.villageCode,
      s.unitPath,
      s.relationToHead,
      s.fullName,
      s.searchName,
      s.birthDate,
      s.birthYear,
      s.sex,
      s.phone,
      s.citizenIdNumber,
      s.ethnicity,
      s.language,
      s.flags,
      s.archivedAt,
      s.archivedReason,
      s.mergedInto,
      now,
    ],
  );
  return rowCount === 1;
}

export async function setRelation(q: Queryable, residentId: string, relation: Relation, now: Date): Promise<void> {
  await q.query("UPDATE residents SET relation_to_head = $2, version = version + 1, updated_at = $3 WHERE id = $1", [residentId, relation, now]);
}

export async function insertMove(
  q: Queryable,
  m: Omit<MoveRow, "id" | "residentName" | "movedAt" | "movedBy"> & { movedBy: string | null },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO resident_moves (resident_id, from_household_id, to_household_id, from_village_code, to_village_code, relation_to_head, reason, moved_at, moved_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [m.residentId, m.fromHouseholdId, m.toHouseholdId, m.fromVillageCode, m.toVillageCode, m.relationToHead, m.reason, now, m.movedBy],
  );
}

/** The active resident holding this ID number, other than `exceptId` (the number is unique among active residents). */
export async function residentWithIdNumber(q: Queryable, idNumber: string, exceptId: string | null): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM residents WHERE citizen_id_number = $1 AND archived_at IS NULL AND ($2::uuid IS NULL OR id <> $2) LIMIT 1",
    [idNumber, exceptId],
  );
  return rows[0]?.id ?? null;
}

export type SearchFilter = {
  paths: string[] | null;
  village: string | null;
  words: string[];
  phone: string | null;
  idNumber: string | null;
  flag: SearchFlag | null;
  heads: boolean;
  after: [string, string] | null;
  limit: number;
};

/** Active residents the caller may see, by name (folded words), phone or ID number, with their household's head. */
export async function searchResidents(q: Queryable, access: HouseholdAccess, f: SearchFilter): Promise<SearchRow[]> {
  const params: unknown[] = [];
  const where: string[] = ["r.archived_at IS NULL", "h.archived_at IS NULL", householdVisibleSql(access, "h", params)];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.paths) where.push(`r.unit_path LIKE ANY(${p(f.paths.map((x) => `${x}%`))}::text[])`);
  if (f.village) where.push(`r.village_code = ${p(f.village)}`);
  // Each folded word anywhere in the folded name: the trigram index answers LIKE '%…%'.
  for (const w of f.words) where.push(`r.search_name LIKE ${p(`%${w}%`)}`);
  if (f.phone) where.push(`r.phone = ${p(f.phone)}`);
  if (f.idNumber) where.push(`r.citizen_id_number = ${p(f.idNumber)}`);
  if (f.flag === "poor" || f.flag === "near_poor") where.push(`h.poverty = ${p(f.flag)}`);
  else if (f.flag) where.push(`${p(f.flag)} = ANY(r.flags)`);
  if (f.heads) where.push("h.head_id = r.id");
  if (f.after) where.push(`(r.search_name, r.id) > (${p(f.after[0])}, ${p(f.after[1])}::uuid)`);
  const { rows } = await q.query<SearchRow>(
    `SELECT ${RESIDENT}, h.address AS "householdAddress", hd.full_name AS "headName", h.poverty
     FROM residents r JOIN households h ON h.id = r.household_id
     LEFT JOIN residents hd ON hd.id = h.head_id
     WHERE ${where.join(" AND ")}
     ORDER BY r.search_name, r.id LIMIT ${p(f.limit)}`,
    params,
  );
  return rows;
}

export type HouseholdChoice = { id: string; address: string; headName: string | null };

/** The active households of a village the caller may see, for choosing where someone moves to. */
export async function householdsInVillage(q: Queryable, access: HouseholdAccess, villageCode: string, limit: number): Promise<HouseholdChoice[]> {
  const params: unknown[] = [villageCode];
  const where = householdVisibleSql(access, "h", params);
  params.push(limit);
  const { rows } = await q.query<HouseholdChoice>(
    `SELECT h.id, h.address, hd.full_name AS "headName" FROM households h LEFT JOIN residents hd ON hd.id = h.head_id
     WHERE h.village_code = $1 AND h.archived_at IS NULL AND ${where} ORDER BY hd.search_name, h.address, h.id LIMIT $${params.length}`,
    params,
  );
  return rows;
}
