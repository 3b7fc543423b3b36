// The coverage bench's province, generated inside PostgreSQL (INSERT … SELECT generate_series): 100 communes × 10
// villages × 500 households × 4 people = 2,000,000 residents, one team per village, skills for about four in ten
// person-skills, visits for about 70 % of households. Deterministic (hashes of counters, no random()), so every run
// counts the same figures. Loaded with triggers off (session_replication_role = replica: a bulk load, as a restore
// would be), then the rollups are built once with coverage_refresh_under, as migration 0024 does for existing rows.
import type pg from "pg";
import { timedSteps } from "../lib/suite-kit.ts";

export const PROVINCE = "99";
export const COMMUNES = 100;
export const VILLAGES_PER_COMMUNE = 10;
export const HOUSEHOLDS_PER_VILLAGE = 500;
export const PEOPLE_PER_HOUSEHOLD = 4;

const pad3 = (col: string) => `lpad(${col}::text, 3, '0')`;
const commune = (c: string) => `'${PROVINCE}' || ${pad3(c)}`;
const village = (c: string, v: string) => `${commune(c)} || '.' || ${pad3(v)}`;

/** The village of a given index 0…999: 99001.001 is the first; its 500 households are the village scenario. */
export const villageCode = (i: number) =>
  `${PROVINCE}${String(Math.floor(i / VILLAGES_PER_COMMUNE) + 1).padStart(3, "0")}.${String((i % VILLAGES_PER_COMMUNE) + 1).padStart(3, "0")}`;

export async function generateProvince(c: pg.Client, log: (msg: string) => void): Promise<Record<string, number>> {
  const H = COMMUNES * VILLAGES_PER_COMMUNE * HOUSEHOLDS_PER_VILLAGE;
  const P = H * PEOPLE_PER_HOUSEHOLD;
  const { ms, step } = timedSteps(c, log);
  await c.query("SET synchronous_commit = off");
  await c.query("SET session_replication_role = replica");
  await c.query("SET work_mem = '256MB'");
  await step(
    "units",
    `INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name)
     SELECT '${PROVINCE}', NULL, 'province', 'Tỉnh', 'Thử tải', 'Tỉnh Thử tải', '/${PROVINCE}/', 'tinh thu tai', 'Thu tai'
     UNION ALL
     SELECT ${commune("c")}, '${PROVINCE}', 'commune', 'Xã', 'Xã ' || c, 'Xã Thử tải ' || c, '/${PROVINCE}/' || ${commune("c")} || '/', 'xa thu tai ' || c, 'Thu tai ' || ${pad3("c")}
     FROM generate_series(1, ${COMMUNES}) c
     UNION ALL
     SELECT ${village("c", "v")}, ${commune("c")}, 'village', 'Thôn', 'Thôn ' || v, 'Thôn ' || v,
            '/${PROVINCE}/' || ${commune("c")} || '/' || ${village("c", "v")} || '/', 'thon ' || v, 'Thon ' || ${pad3("v")}
     FROM generate_series(1, ${COMMUNES}) c, generate_series(1, ${VILLAGES_PER_COMMUNE}) v`,
  );
  await c.query(`CREATE TEMP TABLE gv AS
    SELECT code AS village, parent_code AS commune, path, (row_number() OVER (ORDER BY code) - 1)::int AS vi
    FROM admin_units WHERE level = 'village' AND path LIKE '/${PROVINCE}/%'`);
  await c.query("CREATE UNIQUE INDEX ON gv (vi)");
  await c.query("INSERT INTO users (username, display_name, kind) VALUES ('bench.volunteer', 'Bench volunteer', 'volunteer') ON CONFLICT DO NOTHING");
  await step(
    "teams",
    "INSERT INTO digital_teams (id, commune_code, village_code, unit_path, name) SELECT md5('t' || vi)::uuid, commune, village, path, 'Tổ ' || vi FROM gv",
  );
  await step(
    "households",
    `INSERT INTO households (id, commune_code, village_code, unit_path, address, head_id)
     SELECT md5('h' || n)::uuid, gv.commune, gv.village, gv.path, 'Số ' || (n % ${HOUSEHOLDS_PER_VILLAGE} + 1), md5('r' || (n * ${PEOPLE_PER_HOUSEHOLD}))::uuid
     FROM generate_series(0, ${H - 1}) n JOIN gv ON gv.vi = n / ${HOUSEHOLDS_PER_VILLAGE}`,
  );
  // A head born 1950–1989, a spouse two years later, children 1995–2022 (some of them minors).
  await step(
    "residents",
    `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name, birth_year, sex)
     SELECT md5('r' || p)::uuid, md5('h' || (p / ${PEOPLE_PER_HOUSEHOLD}))::uuid, gv.commune, gv.village, gv.path,
            CASE p % 4 WHEN 0 THEN 'head' WHEN 1 THEN 'spouse' ELSE 'child' END, 'Người ' || p, 'nguoi ' || p,
            CASE p % 4 WHEN 0 THEN 1950 + (p / 4) % 40 WHEN 1 THEN 1952 + (p / 4) % 40 ELSE 1995 + (p * 7) % 28 END,
            CASE p % 2 WHEN 0 THEN 'male' ELSE 'female' END
     FROM generate_series(0, ${P - 1}) p JOIN gv ON gv.vi = p / ${HOUSEHOLDS_PER_VILLAGE * PEOPLE_PER_HOUSEHOLD}`,
  );
  await step(
    "assignments",
    `INSERT INTO household_assignments (household_id, team_id) SELECT md5('h' || n)::uuid, md5('t' || (n / ${HOUSEHOLDS_PER_VILLAGE}))::uuid FROM generate_series(0, ${H - 1}) n`,
  );
  await step(
    "resident_skills",
    `INSERT INTO resident_skills (resident_id, skill_key, unit_path, method, confirmed_at)
     SELECT md5('r' || p)::uuid, k.key, gv.path, CASE WHEN (p + k.i) % 3 = 0 THEN 'self_declared' ELSE 'seen' END, now()
     FROM generate_series(0, ${P - 1}) p JOIN gv ON gv.vi = p / ${HOUSEHOLDS_PER_VILLAGE * PEOPLE_PER_HOUSEHOLD}
     CROSS JOIN (VALUES (0, 'vneid_level2'), (1, 'cashless_payment'), (2, 'online_public_service'), (3, 'online_shopping'), (4, 'cyber_safety'), (5, 'citizen_app')) k(i, key)
     WHERE (hashint4(p * 8 + k.i) & 255) < 128 - k.i * 12`,
  );
  await step(
    "visits",
    `INSERT INTO visits (id, household_id, commune_code, unit_path, team_id, volunteer_user_id, visited_on, outcome, recorded_at)
     SELECT md5('v' || n || '-' || j)::uuid, md5('h' || n)::uuid, gv.commune, gv.path, md5('t' || (n / ${HOUSEHOLDS_PER_VILLAGE}))::uuid,
            (SELECT id FROM users WHERE username = 'bench.volunteer'), current_date - ((hashint4(n * 3 + j) & 511) % 300), 'helped', now()
     FROM generate_series(0, ${H - 1}) n JOIN gv ON gv.vi = n / ${HOUSEHOLDS_PER_VILLAGE}, generate_series(0, 1) j
     WHERE (hashint4(n) & 1023) < 720 AND (j = 0 OR (hashint4(n) & 1) = 1)`,
  );
  await c.query("SET session_replication_role = origin");
  // Fresh tables have no statistics: without them the rollup's joins are planned as nested loops over millions of rows.
  await step("analyze", "ANALYZE");
  await step("rollups", `SELECT coverage_refresh_under('/${PROVINCE}/')`);
  return ms;
}
