// The only SQL of skills and coverage. Registry data is read through its published views and its access rule;
// the fast path reads outreach's rollups (migration 0024), kept by triggers in the writes' own transactions.
import type { Queryable } from "../../../platform/db/database.ts";

export type Counts = {
  households: number;
  proficient: number;
  neverVisited: number;
  staleVisited: number;
  adults: number;
  /** Adults holding each skill, by key. */
  skills: Record<string, number>;
};
export type KeyedCounts = Counts & { key: string | null };

export const emptyCounts = (): Counts => ({ households: 0, proficient: 0, neverVisited: 0, staleVisited: 0, adults: 0, skills: {} });

type HouseholdRow = { key: string | null; households: number; proficient: number; never: number; stale: number };
type PeopleRow = { key: string | null; skill: string; people: number };

function merge(households: HouseholdRow[], people: PeopleRow[]): KeyedCounts[] {
  const out = new Map<string | null, KeyedCounts>();
  const at = (key: string | null) => {
    const found = out.get(key);
    if (found) return found;
    const c: KeyedCounts = { key, ...emptyCounts() };
    out.set(key, c);
    return c;
  };
  for (const h of households) Object.assign(at(h.key), { households: h.households, proficient: h.proficient, neverVisited: h.never, staleVisited: h.stale });
  for (const p of people) {
    const c = at(p.key);
    if (p.skill === "") c.adults = p.people;
    else c.skills[p.skill] = p.people;
  }
  return [...out.values()];
}

/**
 * Officers' figures from the rollups: every household under `pathPrefix`, grouped by commune or village (or one
 * total with groupBy null). `staleBefore`: a last visit before this day is old; `cutoffYear`: adults' last birth year.
 */
export async function rollupCounts(
  q: Queryable,
  opts: { pathPrefix: string; groupBy: "commune" | "village" | null; staleBefore: string; cutoffYear: number },
): Promise<KeyedCounts[]> {
  const key = opts.groupBy === "commune" ? "commune_code" : opts.groupBy === "village" ? "village_code" : "NULL::text";
  const like = `${opts.pathPrefix}%`;
  const [h, p] = await Promise.all([
    q.query<HouseholdRow>(
      `SELECT ${key} AS key, count(*)::int AS households, count(*) FILTER (WHERE proficient_members > 0)::int AS proficient,
              count(*) FILTER (WHERE last_visit_on IS NULL)::int AS never, count(*) FILTER (WHERE last_visit_on < $2::date)::int AS stale
       FROM household_coverage WHERE unit_path LIKE $1 GROUP BY 1`,
      [like, opts.staleBefore],
    ),
    q.query<PeopleRow>(
      `SELECT ${key} AS key, skill_key AS skill, sum(people)::int AS people
       FROM village_skill_counts WHERE unit_path LIKE $1 AND birth_year <= $2 GROUP BY 1, 2`,
      [like, opts.cutoffYear],
    ),
  ]);
  return merge(h.rows, p.rows);
}

/**
 * Figures over the households a condition admits (a team leader's, or one village's by team), counted from the
 * registry's views and the per-household rollup. `visibleSql` names alias h (household_refs); its params come first.
 */
export async function scopedCounts(
  q: Queryable,
  opts: { pathPrefix: string; visibleSql: string; params: unknown[]; byTeam: boolean; staleBefore: string; cutoffYear: number },
): Promise<KeyedCounts[]> {
  const key = opts.byTeam ? "h.team_id::text" : "NULL::text";
  const n = opts.params.length;
  const where = `h.archived_at IS NULL AND h.unit_path LIKE $${n + 1} AND ${opts.visibleSql}`;
  const [h, p] = await Promise.all([
    q.query<HouseholdRow>(
      `SELECT ${key} AS key, count(*)::int AS households, count(*) FILTER (WHERE hc.proficient_members > 0)::int AS proficient,
              count(*) FILTER (WHERE hc.last_visit_on IS NULL)::int AS never, count(*) FILTER (WHERE hc.last_visit_on < $${n + 2}::date)::int AS stale
       FROM household_refs h LEFT JOIN household_coverage hc ON hc.household_id = h.id
       WHERE ${where} GROUP BY 1`,
      [...opts.params, `${opts.pathPrefix}%`, opts.staleBefore],
    ),
    q.query<PeopleRow>(
      `SELECT ${key} AS key, k.skill, count(*)::int AS people
       FROM household_refs h
       JOIN resident_refs r ON r.household_id = h.id AND r.archived_at IS NULL AND r.birth_year <= $${n + 2}
       CROSS JOIN LATERAL (SELECT '' AS skill UNION ALL SELECT s.skill_key FROM resident_skills s WHERE s.resident_id = r.id) k
       WHERE ${where} GROUP BY 1, 2`,
      [...opts.params, `${opts.pathPrefix}%`, opts.cutoffYear],
    ),
  ]);
  return merge(h.rows, p.rows);
}

export type UnitName = { code: string; name: string; nameEn: string | null; sortName: string };

/** Names of communes, villages (the admin-units view). */
export async function unitNames(q: Queryable, codes: string[]): Promise<Map<string, UnitName>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<UnitName>(
    `SELECT code, full_name AS name, full_name_en AS "nameEn", name AS "sortName" FROM admin_unit_refs WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** The children of a unit (communes of a province, villages of a commune), so units with no household show too. */
export async function childUnits(q: Queryable, parentCode: string): Promise<UnitName[]> {
  const { rows } = await q.query<UnitName>(
    `SELECT code, full_name AS name, full_name_en AS "nameEn", name AS "sortName" FROM admin_unit_refs WHERE parent_code = $1`,
    [parentCode],
  );
  return rows;
}

export type TeamName = { id: string; name: string; unitPath: string };

export async function teamsUnder(q: Queryable, pathPrefix: string): Promise<TeamName[]> {
  const { rows } = await q.query<TeamName>(`SELECT id, name, unit_path AS "unitPath" FROM digital_team_refs WHERE unit_path LIKE $1 AND archived_at IS NULL`, [
    `${pathPrefix}%`,
  ]);
  return rows;
}

export async function teamById(
  q: Queryable,
  id: string,
): Promise<(TeamName & { communeCode: string; villageCode: string | null; leaderUserId: string | null }) | null> {
  const { rows } = await q.query(
    `SELECT id, name, unit_path AS "unitPath", commune_code AS "communeCode", village_code AS "villageCode", leader_user_id AS "leaderUserId"
     FROM digital_team_refs WHERE id = $1 AND archived_at IS NULL`,
    [id],
  );
  return (rows[0] as never) ?? null;
}

export type GapRow = {
  householdId: string;
  villageCode: string;
  villageName: string;
  address: string;
  residentId: string;
  fullName: string;
  birthYear: number;
  lastVisitOn: string | null;
  missing: string[];
};

/** Adults of the admitted households who lack one of `skills` (active keys), with what they lack. */
export async function gapRows(
  q: Queryable,
  opts: { pathPrefix: string; visibleSql: string; params: unknown[]; teamId: string | null; skills: string[]; cutoffYear: number; limit: number },
): Promise<GapRow[]> {
  const params = [...opts.params, `${opts.pathPrefix}%`, opts.skills, opts.cutoffYear, opts.limit];
  const n = opts.params.length;
  let team = "";
  if (opts.teamId) {
    params.push(opts.teamId);
    team = ` AND h.team_id = $${params.length}::uuid`;
  }
  const { rows } = await q.query<GapRow>(
    `SELECT * FROM (
       SELECT h.id AS "householdId", h.village_code AS "villageCode", coalesce(u.full_name, h.village_code) AS "villageName", h.address,
              r.id AS "residentId", r.full_name AS "fullName", r.birth_year AS "birthYear", to_char(hc.last_visit_on, 'YYYY-MM-DD') AS "lastVisitOn",
              ARRAY(SELECT k FROM unnest($${n + 2}::text[]) WITH ORDINALITY AS x(k, i)
                    WHERE NOT EXISTS (SELECT 1 FROM resident_skills s WHERE s.resident_id = r.id AND s.skill_key = x.k) ORDER BY x.i) AS missing
       FROM household_refs h
       JOIN resident_refs r ON r.household_id = h.id AND r.archived_at IS NULL AND r.birth_year <= $${n + 3}
       LEFT JOIN household_coverage hc ON hc.household_id = h.id
       LEFT JOIN admin_unit_refs u ON u.code = h.village_code
       WHERE h.archived_at IS NULL AND h.unit_path LIKE $${n + 1} AND ${opts.visibleSql}${team}
     ) g WHERE cardinality(g.missing) > 0
     ORDER BY g."villageName", g."villageCode", g.address, g."fullName" LIMIT $${n + 4}`,
    params,
  );
  return rows;
}

export type SkillConfirmation = {
  residentId: string;
  skillKey: string;
  unitPath: string;
  method: "seen" | "self_declared";
  confirmedBy: string | null;
  confirmedAt: Date;
  visitId?: string | null;
  trainingId?: string | null;
};

/**
 * Upserts skills: a new confirmation replaces the old unless the old one was seen in person and the new one is
 * only self-declared, or comes from a training (a training never re-dates a skill already seen: campaign progress
 * counts it from the day it was first seen). Returns the confirmations that were written.
 */
export async function upsertSkills(q: Queryable, rows: SkillConfirmation[]): Promise<{ residentId: string; skillKey: string; method: string }[]> {
  if (rows.length === 0) return [];
  const { rows: written } = await q.query<{ residentId: string; skillKey: string; method: string }>(
    `INSERT INTO resident_skills (resident_id, skill_key, unit_path, method, confirmed_by, confirmed_at, visit_id, training_id)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[], $7::uuid[], $8::uuid[])
     ON CONFLICT (resident_id, skill_key) DO UPDATE SET unit_path = excluded.unit_path, method = excluded.method,
       confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at, visit_id = excluded.visit_id, training_id = excluded.training_id
     WHERE NOT (resident_skills.method = 'seen' AND (excluded.method = 'self_declared' OR excluded.training_id IS NOT NULL))
     RETURNING resident_id AS "residentId", skill_key AS "skillKey", method`,
    [
      rows.map((r) => r.residentId),
      rows.map((r) => r.skillKey),
      rows.map((r) => r.unitPath),
      rows.map((r) => r.method),
      rows.map((r) => r.confirmedBy),
      rows.map((r) => r.confirmedAt),
      rows.map((r) => r.visitId ?? null),
      rows.map((r) => r.trainingId ?? null),
    ],
  );
  return written;
}

export async function replaceChecklist(
  q: Queryable,
  provinceCode: string,
  skills: { key: string; labelVi: string; labelEn: string; sort: number; active: boolean }[],
): Promise<void> {
  // Keys dropped from the form are kept inactive (confirmations of them stay meaningful), never deleted.
  await q.query(`UPDATE skill_definitions SET active = false WHERE province_code = $1 AND NOT (key = ANY($2::text[])) AND active`, [
    provinceCode,
    skills.map((s) => s.key),
  ]);
  await q.query(
    `INSERT INTO skill_definitions (province_code, key, label_vi, label_en, sort, active)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[])
     ON CONFLICT (province_code, key) DO UPDATE SET label_vi = excluded.label_vi, label_en = excluded.label_en, sort = excluded.sort, active = excluded.active
     WHERE (skill_definitions.label_vi, skill_definitions.label_en, skill_definitions.sort, skill_definitions.active)
       IS DISTINCT FROM (excluded.label_vi, excluded.label_en, excluded.sort, excluded.active)`,
    [
      provinceCode,
      skills.map((s) => s.key),
      skills.map((s) => s.labelVi),
      skills.map((s) => s.labelEn),
      skills.map((s) => s.sort),
      skills.map((s) => s.active),
    ],
  );
}

export async function skillRecord(q: Queryable, residentId: string, skillKey: string) {
  const { rows } = await q.query<{ method: "seen" | "self_declared"; confirmedBy: string | null; confirmedAt: Date }>(
    `SELECT method, confirmed_by AS "confirmedBy", confirmed_at AS "confirmedAt" FROM resident_skills WHERE resident_id = $1 AND skill_key = $2`,
    [residentId, skillKey],
  );
  return rows[0] ?? null;
}
