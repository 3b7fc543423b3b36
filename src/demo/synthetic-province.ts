// A synthetic province for measuring at scale (issue #13 §4): communes and villages, households and people with
// skills and visits, dossiers over several years (states, channels, due and finished times, some late, fees,
// payments, documents as dossier_facts reads them) and citizen reports. Generated inside PostgreSQL with
// INSERT … SELECT generate_series, deterministic for a seed: every choice is a hash of a counter and the seed, never
// random(), and every time is counted back from a given last day. Loaded as a restore would be: triggers off
// (session_replication_role = replica) when the role may, then the coverage rollups rebuilt once.
import type { Queryable } from "../platform/db/database.ts";

export type SyntheticProvinceOptions = {
  /** Two digits; 99 by default (no real province uses it). */
  provinceCode: string;
  seed: number;
  communes: number;
  villagesPerCommune: number;
  households: number;
  peoplePerHousehold: number;
  dossiers: number;
  reports: number;
  years: number;
  /** The last day of the generated history (YYYY-MM-DD); today by default in the CLI. */
  lastDay: string;
};

export const PROVINCE_DEFAULTS: Omit<SyntheticProvinceOptions, "lastDay"> = {
  provinceCode: "99",
  seed: 1,
  communes: 100,
  villagesPerCommune: 10,
  households: 500_000,
  peoplePerHousehold: 4,
  dossiers: 1_000_000,
  reports: 200_000,
  years: 3,
};

export type GenerationReport = { rows: Record<string, number>; ms: Record<string, number>; triggersOff: boolean; totalMs: number };

export class ProvinceExistsError extends Error {
  constructor(readonly provinceCode: string) {
    super(`province ${provinceCode} already exists`);
  }
}

/** The procedures the synthetic dossiers are filed under: their own codes, online levels and fees. */
const PROCEDURES: { code: string; online: "full" | "partial" | "none"; fee: number; days: number }[] = [
  { code: "SYN.001", online: "full", fee: 0, days: 3 },
  { code: "SYN.002", online: "full", fee: 20_000, days: 5 },
  { code: "SYN.003", online: "partial", fee: 0, days: 7 },
  { code: "SYN.004", online: "partial", fee: 50_000, days: 10 },
  { code: "SYN.005", online: "none", fee: 0, days: 2 },
  { code: "SYN.006", online: "full", fee: 10_000, days: 15 },
  { code: "SYN.007", online: "none", fee: 30_000, days: 5 },
  { code: "SYN.008", online: "full", fee: 0, days: 1 },
];

const pad3 = (col: string) => `lpad(${col}::text, 3, '0')`;

/**
 * Generates the province into `q` (one connection: the session settings must hold for every step). Refuses when the
 * province code is already there, so a second run adds nothing.
 */
export async function generateSyntheticProvince(
  q: Queryable,
  o: SyntheticProvinceOptions,
  log: (msg: string) => void = () => undefined,
): Promise<GenerationReport> {
  if (!/^\d{2}$/.test(o.provinceCode)) throw new Error("provinceCode: two digits");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.lastDay)) throw new Error("lastDay: YYYY-MM-DD");
  const exists = await q.query("SELECT 1 FROM admin_units WHERE code = $1", [o.provinceCode]);
  if (exists.rowCount) throw new ProvinceExistsError(o.provinceCode);
  const P = o.provinceCode;
  const S = Math.trunc(o.seed);
  const C = o.communes;
  const V = C * o.villagesPerCommune;
  const H = o.households;
  const N = H * o.peoplePerHousehold;
  const D = o.dossiers;
  const R = o.reports;
  const spanDays = Math.max(1, Math.round(o.years * 365.25));
  // A hash in [0, 2^31) of a counter expression, a salt and the seed: the same seed always gives the same rows.
  const h = (expr: string, salt: number) => `(hashint8((${expr})::bigint * 1000003 + ${S * 7919 + salt}) & 2147483647)`;
  const id = (tag: string, expr: string) => `md5('${tag}:${S}:' || (${expr}))::uuid`;
  const commune = (c: string) => `'${P}' || ${pad3(c)}`;
  const rows: Record<string, number> = {};
  const ms: Record<string, number> = {};
  const t00 = performance.now();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const r = await q.query(sql, params);
    ms[name] = Math.round(performance.now() - t0);
    rows[name] = (rows[name] ?? 0) + (r.rowCount ?? 0);
    log(`  ${name}: ${r.rowCount ?? 0} rows in ${(ms[name] / 1000).toFixed(1)} s`);
  };

  await q.query("SET synchronous_commit = off");
  await q.query("SET work_mem = '256MB'");
  // A bulk load as a restore does it: foreign keys and the rollup triggers off (superuser only), rollups rebuilt after.
  let triggersOff = true;
  try {
    await q.query("SET session_replication_role = replica");
  } catch {
    triggersOff = false;
    log("  (not allowed to turn triggers off: loading with them on, slower)");
  }
  // The last moment of the history, in Vietnam time's end of day: every time below counts back from it.
  const END = `(('${o.lastDay}'::date + 1)::timestamp - interval '7 hours' - interval '1 second') AT TIME ZONE 'UTC'`;

  await step(
    "admin_units",
    `INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name)
     SELECT '${P}', NULL, 'province', 'Tỉnh', 'Thử tải ${P}', 'Tỉnh Thử tải ${P}', '/${P}/', 'tinh thu tai ${P}', 'Thu tai ${P}'
     UNION ALL
     SELECT ${commune("c")}, '${P}', 'commune', 'Xã', 'Xã ' || c, 'Xã Thử tải ' || c, '/${P}/' || ${commune("c")} || '/', 'xa thu tai ' || c, 'Thu tai ' || ${pad3("c")}
     FROM generate_series(1, ${C}) c
     UNION ALL
     SELECT ${commune("c")} || '.' || ${pad3("v")}, ${commune("c")}, 'village', 'Thôn', 'Thôn ' || v, 'Thôn ' || v,
            '/${P}/' || ${commune("c")} || '/' || ${commune("c")} || '.' || ${pad3("v")} || '/', 'thon ' || v, 'Thon ' || ${pad3("v")}
     FROM generate_series(1, ${C}) c, generate_series(1, ${o.villagesPerCommune}) v`,
  );
  // The villages by index (0 … V-1) and the communes by index (0 … C-1), for the joins below.
  await q.query("DROP TABLE IF EXISTS pg_temp.gv, pg_temp.gc");
  await q.query(`CREATE TEMP TABLE gv AS
    SELECT code AS village, parent_code AS commune, path, (row_number() OVER (ORDER BY code) - 1)::int AS vi
    FROM admin_units WHERE level = 'village' AND path LIKE '/${P}/%'`);
  await q.query("CREATE UNIQUE INDEX ON gv (vi)");
  await q.query(`CREATE TEMP TABLE gc AS
    SELECT code AS commune, path, (row_number() OVER (ORDER BY code) - 1)::int AS ci FROM admin_units WHERE level = 'commune' AND parent_code = '${P}'`);
  await q.query("CREATE UNIQUE INDEX ON gc (ci)");
  await q.query(
    `INSERT INTO users (username, display_name, kind) VALUES ('synthetic.volunteer.${P}', 'Synthetic volunteer', 'volunteer'), ('synthetic.officer.${P}', 'Synthetic officer', 'officer')
     ON CONFLICT DO NOTHING`,
  );

  // ── households, people, skills, visits (the coverage bench's shape) ──────────────────────────────────────────
  const villageOfHousehold = (n: string) => `(${n}::bigint * ${V} / ${Math.max(H, 1)})::int`;
  await step(
    "digital_teams",
    `INSERT INTO digital_teams (id, commune_code, village_code, unit_path, name) SELECT ${id("t", "vi")}, commune, village, path, 'Tổ ' || vi FROM gv`,
  );
  await step(
    "households",
    `INSERT INTO households (id, commune_code, village_code, unit_path, address, head_id)
     SELECT ${id("h", "n")}, gv.commune, gv.village, gv.path, 'Số ' || (n + 1), ${id("r", `n * ${o.peoplePerHousehold}`)}
     FROM generate_series(0, ${H - 1}) n JOIN gv ON gv.vi = ${villageOfHousehold("n")}`,
  );
  const hh = (p: string) => `(${p} / ${o.peoplePerHousehold})`;
  await step(
    "residents",
    `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name, birth_year, sex)
     SELECT ${id("r", "p")}, ${id("h", hh("p"))}, gv.commune, gv.village, gv.path,
            CASE p % ${o.peoplePerHousehold} WHEN 0 THEN 'head' WHEN 1 THEN 'spouse' ELSE 'child' END, 'Người ' || p, 'nguoi ' || p,
            CASE p % ${o.peoplePerHousehold} WHEN 0 THEN 1950 + ${h("p", 11)} % 40 WHEN 1 THEN 1952 + ${h("p", 12)} % 40 ELSE 1995 + ${h("p", 13)} % 28 END,
            CASE ${h("p", 14)} % 2 WHEN 0 THEN 'male' ELSE 'female' END
     FROM generate_series(0, ${N - 1}) p JOIN gv ON gv.vi = ${villageOfHousehold(hh("p"))}`,
  );
  await step(
    "household_assignments",
    `INSERT INTO household_assignments (household_id, team_id) SELECT ${id("h", "n")}, ${id("t", villageOfHousehold("n"))} FROM generate_series(0, ${H - 1}) n`,
  );
  await step(
    "resident_skills",
    `INSERT INTO resident_skills (resident_id, skill_key, unit_path, method, confirmed_at)
     SELECT ${id("r", "p")}, k.key, gv.path, CASE WHEN ${h("p * 8 + k.i", 21)} % 3 = 0 THEN 'self_declared' ELSE 'seen' END, ${END}
     FROM generate_series(0, ${N - 1}) p JOIN gv ON gv.vi = ${villageOfHousehold(hh("p"))}
     CROSS JOIN (VALUES (0, 'vneid_level2'), (1, 'cashless_payment'), (2, 'online_public_service'), (3, 'online_shopping'), (4, 'cyber_safety'), (5, 'citizen_app')) k(i, key)
     WHERE ${h("p * 8 + k.i", 22)} % 256 < 128 - k.i * 12`,
  );
  await step(
    "visits",
    `INSERT INTO visits (id, household_id, commune_code, unit_path, team_id, volunteer_user_id, visited_on, outcome, recorded_at, synced_at)
     SELECT ${id("v", "n || '-' || j")}, ${id("h", "n")}, gv.commune, gv.path, ${id("t", "gv.vi")},
            (SELECT id FROM users WHERE username = 'synthetic.volunteer.${P}'), '${o.lastDay}'::date - ${h("n * 3 + j", 31)} % 300, 'helped', ${END}, ${END}
     FROM generate_series(0, ${H - 1}) n JOIN gv ON gv.vi = ${villageOfHousehold("n")}, generate_series(0, 1) j
     WHERE ${h("n", 32)} % 1024 < 720 AND (j = 0 OR ${h("n", 33)} % 2 = 1)`,
  );

  // ── procedures, dossiers, events, documents, payments ───────────────────────────────────────────────────────
  const procValues = PROCEDURES.map((p, i) => `(${i}, '${p.code}', '${p.online}', ${p.fee}, ${p.days})`).join(", ");
  await q.query(`CREATE TEMP TABLE gp AS SELECT * FROM (VALUES ${procValues}) x(pi, code, online, fee, days)`);
  await step(
    "procedures",
    `INSERT INTO procedures (id, code, current_version, name, field, level, online_level, search_text)
     SELECT md5('proc:' || code)::uuid, code, 1, 'Thủ tục thử tải ' || code, 'Thử tải', 'commune', online, 'thu tuc thu tai ' || lower(code) FROM gp
     ON CONFLICT (code) DO NOTHING`,
  );
  await step(
    "procedure_versions",
    `INSERT INTO procedure_versions (procedure_id, version, definition)
     SELECT md5('proc:' || code)::uuid, 1, jsonb_build_object('code', code, 'onlineLevel', online, 'feeAmount', fee, 'processingDays', days,
       'documents', jsonb_build_array(jsonb_build_object('key', 'declaration', 'required', true), jsonb_build_object('key', 'identityDocument', 'required', true)))
     FROM gp ON CONFLICT DO NOTHING`,
  );
  await step(
    "stored_files",
    `INSERT INTO stored_files (id, name, media_type, size_bytes, sha256, content) VALUES (md5('synthetic-file:${P}')::uuid, 'synthetic.pdf', 'application/pdf', 4, 'synthetic', '\\x25504446')
     ON CONFLICT DO NOTHING`,
  );
  // One row per dossier with every choice made once: filed evenly over the span (dossier n at the n-th share of it),
  // its procedure, channel, fate (an age under 20 days may still be open), processing time and lateness.
  await q.query(`CREATE TEMP TABLE gd AS
    SELECT n, gc.commune, gc.path, gp.pi, gp.code AS proc, gp.online, gp.fee, gp.days,
           ${END} - (interval '1 second' * ((${D} - 1 - n)::bigint * ${spanDays * 86_400} / ${Math.max(D, 1)})) AS received,
           ${h("n", 41)} % 100 AS ch, ${h("n", 42)} % 1000 AS fate, ${h("n", 43)} % 100 AS late, ${h("n", 44)} % 100 AS extra
    FROM generate_series(0, ${D - 1}) n
    JOIN gc ON gc.ci = ${h("n", 40)} % ${C}
    JOIN gp ON gp.pi = ${h("n", 45)} % ${PROCEDURES.length}`);
  await q.query(`CREATE TEMP TABLE gd2 AS
    SELECT gd.*, ${id("d", "n")} AS id,
      CASE WHEN online <> 'none' AND ch < 55 THEN 'online' WHEN ch >= 97 THEN 'post' ELSE 'counter' END AS channel,
      received + interval '1 day' * days AS due,
      CASE
        WHEN received > ${END} - interval '20 days' THEN
          (ARRAY['submitted','received','inReview','forwarded','awaitingApproval','paused','supplementRequested','resultReady','returned','returned'])[1 + fate % 10]
        WHEN fate < 40 THEN 'refused' WHEN fate < 60 THEN 'cancelled' WHEN fate < 70 THEN 'resultReady' ELSE 'returned'
      END AS state,
      -- Late: about one in twelve, after the due time by up to four days; the others decided within their time.
      CASE WHEN late < 8 THEN interval '1 day' * days + interval '1 hour' * (1 + extra) ELSE interval '1 day' * days * (0.2 + late / 130.0) END AS took
    FROM gd`);
  await q.query("ALTER TABLE gd2 ADD COLUMN finished timestamptz");
  await q.query(`UPDATE gd2 SET finished = CASE WHEN state IN ('resultReady','returned','refused','cancelled') THEN least(received + took, ${END}) END`);
  await step(
    "dossiers",
    `INSERT INTO dossiers (id, code, commune_code, unit_path, procedure_id, procedure_version, state, version, channel, applicant, applicant_name,
       lookup_phone4, lookup_id4, submitted_at, received_at, due_at, finished_at, returned_at, clock_stopped_at, fee_amount, fee_status, rating, created_at, updated_at)
     SELECT id, 'S${P}-' || ${S} || '-' || lpad(n::text, 8, '0'), commune, path, md5('proc:' || proc)::uuid, 1, state, 1, channel,
       jsonb_build_object('name', 'Người nộp ' || n, 'phone', '09' || lpad((n % 100000000)::text, 8, '0')), 'Người nộp ' || n,
       lpad((n % 10000)::text, 4, '0'), lpad(((n * 7) % 10000)::text, 4, '0'),
       CASE WHEN channel = 'online' THEN received - interval '3 hours' ELSE received END,
       CASE WHEN state = 'submitted' THEN NULL ELSE received END,
       CASE WHEN state = 'submitted' THEN NULL ELSE due END,
       finished,
       CASE WHEN state = 'returned' THEN finished END,
       CASE WHEN state IN ('paused', 'supplementRequested') THEN least(received + took / 2, ${END}) END,
       fee, CASE WHEN fee = 0 THEN 'none' WHEN extra < 5 THEN 'exempt' WHEN finished IS NOT NULL THEN 'paid' ELSE 'unpaid' END,
       CASE WHEN state = 'returned' AND extra < 30 THEN 3 + extra % 3 END,
       received - interval '3 hours', coalesce(finished, received)
     FROM gd2`,
  );
  // The events the desk's pages read: filed, received, then decided and returned.
  await step(
    "dossier_events",
    `INSERT INTO dossier_events (dossier_id, action, from_state, to_state, actor_label, at)
     SELECT id, e.action, e.from_state, e.to_state, 'Synthetic', e.at FROM gd2
     CROSS JOIN LATERAL (VALUES
       (1, 'submit', 'draft', 'submitted', received - interval '3 hours', true),
       (2, 'receive', 'submitted', 'received', received, state <> 'submitted'),
       (3, CASE state WHEN 'refused' THEN 'refuse' WHEN 'cancelled' THEN 'cancel' ELSE 'approve' END, 'received',
           CASE WHEN state IN ('refused','cancelled') THEN state ELSE 'resultReady' END, finished, finished IS NOT NULL),
       (4, 'return', 'resultReady', 'returned', finished + interval '1 hour', state = 'returned')
     ) e(k, action, from_state, to_state, at, present)
     WHERE e.present ORDER BY gd2.n, e.k`,
  );
  // Documents: both required ones for most dossiers (about one in seven has its ID only seen at the counter, so is not
  // digitised), one in ten reused from the vault, a result file for most returned ones.
  await step(
    "dossier_documents",
    `INSERT INTO dossier_documents (id, dossier_id, requirement_key, file_id, source, created_at)
     SELECT ${id("doc", "n || '-' || k.key")}, gd2.id, k.key, md5('synthetic-file:${P}')::uuid, k.src, received
     FROM gd2 CROSS JOIN LATERAL (VALUES
       ('declaration', CASE WHEN channel = 'online' THEN 'upload' ELSE 'scan' END, true),
       ('identityDocument', CASE WHEN extra % 10 = 0 THEN 'vault' WHEN channel = 'online' THEN 'upload' ELSE 'scan' END, ${h("n", 46)} % 7 <> 0),
       ('result', 'result', state = 'returned' AND extra < 80)
     ) k(key, src, present)
     WHERE k.present`,
  );
  await step(
    "payments",
    `INSERT INTO payments (id, dossier_id, amount, method, status, receipt_no, confirmed_at)
     SELECT ${id("pay", "n")}, id, fee, CASE WHEN channel = 'online' OR extra % 3 = 0 THEN (ARRAY['vietqr','gateway'])[1 + extra % 2] ELSE 'cash' END,
            'paid', 'BL-S${P}-' || ${S} || '-' || n, finished
     FROM gd2 WHERE fee > 0 AND extra >= 5 AND finished IS NOT NULL`,
  );

  // ── citizen reports ─────────────────────────────────────────────────────────────────────────────────────────
  await step(
    "report_categories",
    `INSERT INTO report_categories (id, province_code, commune_code, code, name_vi, name_en, responsible_unit)
     SELECT md5('cat:${P}:' || k)::uuid, '${P}', NULL, 'syn' || k, 'Lĩnh vực ' || k, 'Category ' || k, 'Công chức ' || k FROM generate_series(1, 6) k`,
  );
  await q.query(`CREATE TEMP TABLE gr AS
    SELECT n, gv.commune, gv.village, gv.path,
      ${END} - (interval '1 second' * ((${R} - 1 - n)::bigint * ${spanDays * 86_400} / ${Math.max(R, 1)})) AS created,
      ${h("n", 51)} % 100 AS fate, ${h("n", 52)} % 100 AS took, 1 + ${h("n", 53)} % 6 AS cat
    FROM generate_series(0, ${R - 1}) n JOIN gv ON gv.vi = ${h("n", 50)} % ${V}`);
  await step(
    "reports",
    `INSERT INTO reports (id, code, commune_code, unit_path, village_code, category_id, description, status, reject_reason, public,
       reporter_name, channel, accepted_at, due_at, answered_at, answer, confirmed_at, satisfaction, closed_at, search_text, created_at, updated_at)
     SELECT ${id("rep", "n")}, 'PA-S${P}-' || ${S} || '-' || lpad(n::text, 7, '0'), commune, path, village, md5('cat:${P}:' || cat)::uuid,
       'Phản ánh thử tải số ' || n, st.status, CASE WHEN st.status = 'rejected' THEN 'duplicate' END, true,
       'Người phản ánh ' || n, (ARRAY['web','assisted','sms','meeting'])[1 + fate % 4],
       CASE WHEN st.status <> 'received' AND st.status <> 'rejected' THEN created + interval '4 hours' END,
       CASE WHEN st.status <> 'received' AND st.status <> 'rejected' THEN created + interval '5 days' END,
       CASE WHEN st.status IN ('resolved', 'closed') THEN created + interval '1 hour' * (12 + took * 1.4) END,
       CASE WHEN st.status IN ('resolved', 'closed') THEN 'Đã xử lý' END,
       CASE WHEN st.status = 'closed' AND fate % 3 = 0 THEN created + interval '1 hour' * (36 + took * 1.4) END,
       CASE WHEN st.status = 'closed' AND fate % 3 = 0 THEN 2 + fate % 4 END,
       CASE WHEN st.status = 'closed' THEN created + interval '1 hour' * (48 + took * 1.4) END,
       'pa s${P} ' || n, created, created
     FROM gr CROSS JOIN LATERAL (SELECT CASE
       WHEN created > ${END} - interval '10 days' THEN (ARRAY['received','accepted','assigned','in_progress','resolved'])[1 + fate % 5]
       WHEN fate < 4 THEN 'rejected' WHEN fate < 6 THEN 'forwarded' WHEN fate < 30 THEN 'resolved' ELSE 'closed' END AS status) st`,
  );
  await q.query("DROP TABLE IF EXISTS pg_temp.gd, pg_temp.gd2, pg_temp.gr, pg_temp.gp, pg_temp.gv, pg_temp.gc");
  if (triggersOff) await q.query("SET session_replication_role = origin");
  // Fresh tables have no statistics: without them the rollup's joins are planned as nested loops over millions of rows.
  await step("analyze", "ANALYZE");
  if (triggersOff && H > 0) await step("coverage_rollups", `SELECT coverage_refresh_under('/${P}/')`);
  return { rows, ms, triggersOff, totalMs: Math.round(performance.now() - t00) };
}
