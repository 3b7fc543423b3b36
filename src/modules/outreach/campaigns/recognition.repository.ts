// The SQL of recognition: figures per volunteer and per team from the visit records of a period.
import type { Queryable } from "../../../platform/db/database.ts";

export type Figures = { visits: number; householdsHelped: number; skillsConfirmed: number };
export type MemberFigures = Figures & { userId: string; teamId: string | null };
export type TeamFigures = Figures & { teamId: string; members: number };

const FIGURES = `count(*)::int AS visits,
  count(DISTINCT v.household_id) FILTER (WHERE v.outcome = 'helped')::int AS "householdsHelped",
  coalesce(sum(v.confirmed), 0)::int AS "skillsConfirmed"`;
// One row per visit of the period inside the paths, with the skills it confirmed.
const VISITS = `SELECT v.volunteer_user_id, v.team_id, v.household_id, v.outcome,
    CASE WHEN jsonb_typeof(v.skills_helped) = 'array'
      THEN (SELECT count(*) FROM jsonb_array_elements(v.skills_helped) e WHERE e ->> 'confirmed' IN ('seen', 'self_declared')) ELSE 0 END AS confirmed
  FROM visits v WHERE v.visited_on BETWEEN $1::date AND $2::date AND v.unit_path LIKE ANY($3::text[])`;

export async function memberFigures(q: Queryable, from: string, to: string, paths: string[]): Promise<MemberFigures[]> {
  const { rows } = await q.query<MemberFigures>(
    `SELECT v.volunteer_user_id::text AS "userId", (mode() WITHIN GROUP (ORDER BY v.team_id))::text AS "teamId", ${FIGURES}
     FROM (${VISITS}) v GROUP BY v.volunteer_user_id`,
    [from, to, paths.map((p) => `${p}%`)],
  );
  return rows;
}

export async function teamFigures(q: Queryable, from: string, to: string, paths: string[]): Promise<TeamFigures[]> {
  const { rows } = await q.query<TeamFigures>(
    `SELECT v.team_id::text AS "teamId", count(DISTINCT v.volunteer_user_id)::int AS members, ${FIGURES}
     FROM (${VISITS}) v WHERE v.team_id IS NOT NULL GROUP BY v.team_id`,
    [from, to, paths.map((p) => `${p}%`)],
  );
  return rows;
}

export async function teamsWithVillage(q: Queryable, ids: string[]): Promise<Map<string, { name: string; villageName: string | null }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; name: string; villageName: string | null }>(
    `SELECT t.id::text, t.name, coalesce(u.full_name, u.name) AS "villageName"
     FROM digital_team_refs t LEFT JOIN admin_unit_refs u ON u.code = t.village_code WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, villageName: r.villageName }]));
}
