// `npm run bench -- --suite=coverage --engine=system`: the coverage page of a province of 100 communes, 500,000
// households and 2,000,000 people, and of a village of 500 households (its coverage and its gap list), each next to
// the bare SQL it runs, measured in the same run. The data is generated inside a fresh database; the XãSố server is
// a child process; requests go one at a time (a person opening the page), so the latency is the server's time.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createSystemAdmin } from "../../src/modules/identity/index.ts";
import { subscribeAudit } from "../../src/platform/audit/index.ts";
import { createDatabase } from "../../src/platform/db/database.ts";
import { migrate } from "../../src/platform/db/migrator.ts";
import { createEventBus } from "../../src/platform/events/domain-events.ts";
import { REPO_ROOT } from "../lib/child.ts";
import { signInCookie, startXasoServer } from "../lib/xaso-server.ts";
import type { BenchOptions } from "../lib/options.ts";
import { admin, suiteMachine, withDatabase } from "../lib/suite-kit.ts";
import { COMMUNES, generateProvince, HOUSEHOLDS_PER_VILLAGE, PEOPLE_PER_HOUSEHOLD, PROVINCE, VILLAGES_PER_COMMUNE, villageCode } from "./generate.ts";
import { type Stats, series as timedSeries } from "../lib/series.ts";

type Row = { id: string; label: string; stats: Stats; bytes?: number };

const SAMPLES_PER_ROUND = 30;
const WARMUP = 3;

const series = (n: number, fn: () => Promise<unknown>) => timedSeries(n, fn, WARMUP);

/** The SQL the coverage page runs for an officer's unit (coverage.repository.ts rollupCounts), as a bare baseline. */
const ROLLUP_HOUSEHOLDS = `SELECT commune_code AS key, count(*)::int AS households, count(*) FILTER (WHERE proficient_members > 0)::int AS proficient,
  count(*) FILTER (WHERE last_visit_on IS NULL)::int AS never, count(*) FILTER (WHERE last_visit_on < $2::date)::int AS stale
  FROM household_coverage WHERE unit_path LIKE $1 GROUP BY 1`;
const ROLLUP_PEOPLE = `SELECT commune_code AS key, skill_key AS skill, sum(people)::int AS people
  FROM village_skill_counts WHERE unit_path LIKE $1 AND birth_year <= $2 GROUP BY 1, 2`;
/** The village's gap list (coverage.repository.ts gapRows), for an officer who sees every household. */
const GAPS = `SELECT * FROM (
  SELECT h.id, h.village_code, u.full_name, h.address, r.id AS resident_id, r.full_name AS name, r.birth_year, hc.last_visit_on,
         ARRAY(SELECT k FROM unnest($2::text[]) WITH ORDINALITY AS x(k, i)
               WHERE NOT EXISTS (SELECT 1 FROM resident_skills s WHERE s.resident_id = r.id AND s.skill_key = x.k) ORDER BY x.i) AS missing
  FROM household_refs h JOIN resident_refs r ON r.household_id = h.id AND r.archived_at IS NULL AND r.birth_year <= $3
  LEFT JOIN household_coverage hc ON hc.household_id = h.id LEFT JOIN admin_unit_refs u ON u.code = h.village_code
  WHERE h.archived_at IS NULL AND h.unit_path LIKE $1) g WHERE cardinality(g.missing) > 0 ORDER BY g.full_name, g.village_code, g.address, g.name LIMIT 5001`;
const SKILLS = ["vneid_level2", "cashless_payment", "online_public_service", "online_shopping", "cyber_safety", "citizen_app"];

export async function runCoverageSuite(opts: BenchOptions): Promise<void> {
  if (opts.engine !== "system") throw new Error("--suite=coverage generates 2 million rows: run it with --engine=system");
  const startedAt = new Date();
  const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
  const cleanups: (() => Promise<unknown>)[] = [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), "xaso-bench-coverage-"));
  cleanups.push(() => (opts.keep ? Promise.resolve(log(`kept ${tmp}`)) : rm(tmp, { recursive: true, force: true })));
  try {
    const dbName = `xaso_bench_cov_${randomBytes(4).toString("hex")}`;
    await admin(opts.systemUrl, `CREATE DATABASE ${dbName}`);
    if (!opts.keep) cleanups.push(() => admin(opts.systemUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    const url = withDatabase(opts.systemUrl, dbName);
    log(`engine system: database ${dbName}`);

    const db = createDatabase(url);
    cleanups.push(() => db.close());
    const m = await migrate(db);
    log(`migrations: ${m.applied.length} applied`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    cleanups.push(() => c.end());
    log(
      `generating the province ${PROVINCE}: ${COMMUNES} communes × ${VILLAGES_PER_COMMUNE} villages × ${HOUSEHOLDS_PER_VILLAGE} households × ${PEOPLE_PER_HOUSEHOLD} people…`,
    );
    const t0 = performance.now();
    const generation = await generateProvince(c, log);
    const generationMs = performance.now() - t0;
    const t1 = performance.now();
    await c.query("VACUUM ANALYZE");
    log(`generated in ${(generationMs / 1000).toFixed(0)} s; VACUUM ANALYZE ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const counts = (
      await c.query(
        `SELECT (SELECT count(*) FROM households)::int AS households, (SELECT count(*) FROM residents)::int AS residents,
                (SELECT count(*) FROM resident_skills)::int AS skills, (SELECT count(*) FROM visits)::int AS visits,
                (SELECT count(*) FROM household_coverage)::int AS rollup_households, (SELECT count(*) FROM village_skill_counts)::int AS rollup_village_rows`,
      )
    ).rows[0] as Record<string, number>;
    log(`rows: ${JSON.stringify(counts)}`);

    // A system administrator of the province, signed in through the sign-in form like a person.
    const events = createEventBus();
    subscribeAudit(events, { now: () => new Date() });
    const password = `bench-${randomBytes(8).toString("hex")}`;
    const deps = { db, events, clock: { now: () => new Date() }, config: { servedProvinces: [PROVINCE] } } as never;
    await createSystemAdmin(deps, { actor: { userId: null, label: "bench" }, requestId: null }, { username: "bench.admin", password });

    const xaso = await startXasoServer({ url, tmp, province: PROVINCE, poolSize: opts.poolSize });
    const { server, base } = xaso;
    cleanups.push(() => server.stop());
    log(`XãSố listening after ${server.spawnToReadyMs.toFixed(0)} ms`);

    const cookie = await signInCookie(xaso, "bench.admin", password);
    const cookieHeader = () => cookie;
    let lastBytes = 0;
    const get = async (p: string) => {
      const res = await fetch(base + p, { headers: { cookie: cookieHeader() }, signal: AbortSignal.timeout(30_000) });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${body.slice(0, 300)}`);
      lastBytes = Buffer.byteLength(body);
      return body;
    };
    const probe = JSON.parse(await get(`/api/v1/coverage?unit=${PROVINCE}`)) as {
      total: { households: number; adults: number; proficientShare: number };
      rows: unknown[];
    };
    if (probe.total.households !== counts.households || probe.rows.length !== COMMUNES)
      throw new Error(`the coverage API counted ${JSON.stringify(probe.total)} over ${probe.rows.length} rows`);
    log(`province coverage: ${probe.total.households} households, ${probe.total.adults} adults, proficient share ${probe.total.proficientShare}`);

    const pool = new pg.Pool({ connectionString: url, max: 2 });
    cleanups.push(() => pool.end());
    const today = new Date().toISOString().slice(0, 10);
    const staleBefore = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const cutoff = Number(today.slice(0, 4)) - 18;
    const village = villageCode(0);
    const villagePath = `/${PROVINCE}/${village.split(".")[0]}/${village}/`;
    const n = SAMPLES_PER_ROUND * opts.rounds;
    const rows: Row[] = [];
    const measure = async (id: string, label: string, fn: () => Promise<unknown>, bytes = false) => {
      log(`${id}: ${label} — ${WARMUP} warm-up + ${n} requests, one at a time`);
      const s = await series(n, fn);
      rows.push({ id, label, stats: s, ...(bytes ? { bytes: lastBytes } : {}) });
      log(`   p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, mean ${s.mean.toFixed(1)} ms`);
    };
    const bareProvince = () =>
      Promise.all([pool.query(ROLLUP_HOUSEHOLDS, [`/${PROVINCE}/%`, staleBefore]), pool.query(ROLLUP_PEOPLE, [`/${PROVINCE}/%`, cutoff])]);
    await measure("p-sql", "bare SQL: the province's two rollup queries (pg, same server)", bareProvince);
    await measure("p-page", `XãSố GET /office/coverage?unit=${PROVINCE} (the page, 100 communes)`, () => get(`/office/coverage?unit=${PROVINCE}`), true);
    await measure("p-api", `XãSố GET /api/v1/coverage?unit=${PROVINCE}`, () => get(`/api/v1/coverage?unit=${PROVINCE}`), true);
    const bareVillage = () =>
      Promise.all([
        pool.query(ROLLUP_HOUSEHOLDS.replace("commune_code AS key", "NULL AS key"), [`${villagePath}%`, staleBefore]),
        pool.query(ROLLUP_PEOPLE.replace("commune_code AS key", "NULL AS key"), [`${villagePath}%`, cutoff]),
      ]);
    await measure("v-sql", "bare SQL: a village's two rollup queries", bareVillage);
    await measure("v-page", `XãSố GET /office/coverage?unit=${village} (500 households, rows by team)`, () => get(`/office/coverage?unit=${village}`), true);
    await measure("v-gaps-sql", "bare SQL: the village's gap list query", () => pool.query(GAPS, [`${villagePath}%`, SKILLS, cutoff]));
    await measure("v-gaps", `XãSố GET /api/v1/coverage/gaps?unit=${village} (the list, audited)`, () => get(`/api/v1/coverage/gaps?unit=${village}`), true);
    await measure("v-gaps-page", `XãSố GET /office/coverage/gaps?unit=${village} (the list page)`, () => get(`/office/coverage/gaps?unit=${village}`), true);

    const report = {
      suite: "coverage",
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: suiteMachine(),
      data: { ...counts, generationMs: Math.round(generationMs), generationSteps: generation },
      rows,
    };
    const out = path.join(REPO_ROOT, "bench", "results");
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, "coverage-system.json"), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nCoverage (${counts.households} households, ${counts.residents} people; requests one at a time, ${n} each)\n`);
    process.stdout.write(`${"scenario".padEnd(86)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"bytes".padStart(9)}\n`);
    for (const r of rows)
      process.stdout.write(
        `${`${r.id} ${r.label}`.padEnd(86)} ${r.stats.p50.toFixed(1).padStart(8)} ${r.stats.p99.toFixed(1).padStart(8)} ${String(r.bytes ?? "").padStart(9)}\n`,
      );
    process.stdout.write("\nWritten: bench/results/coverage-system.json\n");
  } finally {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => process.stderr.write(`cleanup: ${String(err)}\n`));
  }
}
