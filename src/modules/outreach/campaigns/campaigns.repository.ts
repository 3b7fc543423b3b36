// The SQL of campaigns and their progress. Registry data is read only through its published views
// (household_refs, resident_refs, digital_team_refs); place names through admin_unit_refs.
import type { Queryable } from "../../../platform/db/database.ts";
import type { Measure } from "./campaigns.contract.ts";

export type CampaignRow = {
  id: string;
  name: string;
  unitCode: string;
  unitPath: string;
  unitName: string;
  skillKey: string;
  measure: Measure;
  targetPercent: number;
  startsOn: string;
  endsOn: string;
  createdAt: Date;
};

const COLUMNS = `c.id, c.name, c.unit_code AS "unitCode", c.unit_path AS "unitPath", coalesce(u.full_name, u.name, c.unit_code) AS "unitName",
  c.skill_key AS "skillKey", c.measure, c.target_percent::float8 AS "targetPercent",
  to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn", c.created_at AS "createdAt"`;

export async function insertCampaign(
  q: Queryable,
  c: {
    name: string;
    unitCode: string;
    unitPath: string;
    skillKey: string;
    measure: Measure;
    targetPercent: number;
    startsOn: string;
    endsOn: string;
    createdBy: string;
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO campaigns (unit_code, unit_path, name, skill_key, measure, target_percent, starts_on, ends_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [c.unitCode, c.unitPath, c.name, c.skillKey, c.measure, c.targetPercent, c.startsOn, c.endsOn, c.createdBy],
  );
  return rows[0]!.id;
}

export async function findCampaign(q: Queryable, id: string): Promise<CampaignRow | null> {
  const { rows } = await q.query<CampaignRow>(`SELECT ${COLUMNS} FROM campaigns c LEFT JOIN admin_unit_refs u ON u.code = c.unit_code WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Campaigns inside the given paths, or covering one of them (a province's drive seen from a commune). */
export async function listCampaigns(q: Queryable, paths: string[]): Promise<CampaignRow[]> {
  const { rows } = await q.query<CampaignRow>(
    `SELECT ${COLUMNS} FROM campaigns c LEFT JOIN admin_unit_refs u ON u.code = c.unit_code
     WHERE c.unit_path LIKE ANY($1::text[]) OR EXISTS (SELECT 1 FROM unnest($2::text[]) p WHERE p LIKE c.unit_path || '%')
     ORDER BY c.ends_on DESC, c.created_at DESC LIMIT 500`,
    [paths.map((p) => `${p}%`), paths],
  );
  return rows;
}

/** People (adults) or households counted, per village, team and local day of the first confirmation (null: not yet). */
export type CountRow = { villageCode: string; teamId: string | null; day: string | null; n: number };

// The Vietnam day of an instant (UTC+7, no daylight saving), without relying on the server's time-zone data.
const LOCAL_DAY = (col: string) => `to_char((${col} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

export async function countProgress(
  q: Queryable,
  opts: { skillKey: string; measure: Measure; unitPath: string; viewerPaths: string[]; adultBornBy: number },
): Promise<CountRow[]> {
  const scope = `h.archived_at IS NULL AND h.unit_path LIKE $2 AND h.unit_path LIKE ANY($3::text[])`;
  const params: unknown[] = [opts.skillKey, `${opts.unitPath}%`, opts.viewerPaths.map((p) => `${p}%`)];
  const sql =
    opts.measure === "adults"
      ? `SELECT r.village_code AS "villageCode", h.team_id::text AS "teamId", ${LOCAL_DAY("rs.confirmed_at")} AS day, count(*)::int AS n
         FROM resident_refs r
         JOIN household_refs h ON h.id = r.household_id
         LEFT JOIN resident_skills rs ON rs.resident_id = r.id AND rs.skill_key = $1
         WHERE r.archived_at IS NULL AND r.birth_year <= $4 AND ${scope}
         GROUP BY 1, 2, 3`
      : `SELECT x."villageCode", x."teamId", x.day, count(*)::int AS n FROM (
           SELECT h.village_code AS "villageCode", h.team_id::text AS "teamId", min(${LOCAL_DAY("rs.confirmed_at")}) AS day
           FROM household_refs h
           LEFT JOIN resident_refs r ON r.household_id = h.id AND r.archived_at IS NULL
           LEFT JOIN resident_skills rs ON rs.resident_id = r.id AND rs.skill_key = $1
           WHERE ${scope}
           GROUP BY h.id, h.village_code, h.team_id) x
         GROUP BY 1, 2, 3`;
  if (opts.measure === "adults") params.push(opts.adultBornBy);
  const { rows } = await q.query<CountRow>(sql, params);
  return rows;
}

export async function villageNames(q: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<{ code: string; name: string }>(
    "SELECT code, coalesce(full_name, name) AS name FROM admin_unit_refs WHERE code = ANY($1::text[])",
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function teamNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; name: string }>("SELECT id::text, name FROM digital_team_refs WHERE id = ANY($1::uuid[])", [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
