// `npm run bench -- --suite=indicators --engine=system`: the indicators at province scale (issue #13 §4) on the
// synthetic province (src/demo/synthetic-province.ts: 100 communes, 1,000,000 dossiers over 3 years, 500,000
// households, 200,000 reports), each next to the bare SQL of the same aggregate run in the same process:
//   - the province dashboard for a quarter (computeIndicators by commune; the page through the server), aim ≤ 500 ms;
//   - a commune dashboard (by village), aim ≤ 100 ms;
//   - the drill-down list (dossiers late in a month), aim ≤ 50 ms;
//   - the one-stop desk's queues of a commune at that volume, aim ≤ 50 ms;
//   - the facts refresh after a day's work (about 900 new dossiers, 900 decided), aim ≤ 10 s.
// Pages not in this checkout yet answer 404 and are reported as skipped, never as fast. BENCH_INDICATORS_DB=<name>
// reuses a database already generated (`xaso generate-province`) instead of generating a fresh one.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateSyntheticProvince, PROVINCE_DEFAULTS } from "../../src/demo/synthetic-province.ts";
import { indicatorPaths } from "../../src/modules/indicators/indicator-paths.ts";
import * as repo from "../../src/modules/indicators/indicators.repository.ts";
import { periodOf } from "../../src/modules/indicators/periods.ts";
import { setsForProvince } from "../../src/modules/indicators/set-store.ts";
import { computeIndicators, elementsOf } from "../../src/modules/indicators/use-cases/indicators-compute.ts";
import { refreshFacts } from "../../src/modules/indicators/use-cases/facts-refresh.ts";
import { computedElement } from "../../src/modules/indicators/elements/element-catalogue.ts";
import { createSystemAdmin } from "../../src/modules/identity/index.ts";
import { subscribeAudit } from "../../src/platform/audit/index.ts";
import { createDatabase } from "../../src/platform/db/database.ts";
import { migrate } from "../../src/platform/db/migrator.ts";
import { createEventBus } from "../../src/platform/events/domain-events.ts";
import pino from "pino";
import { REPO_ROOT } from "../lib/child.ts";
import { signInCookie, startXasoServer } from "../lib/xaso-server.ts";
import type { BenchOptions } from "../lib/options.ts";
import { type Stats, series as timedSeries } from "../lib/series.ts";
import { admin, suiteMachine, withDatabase } from "../lib/suite-kit.ts";
import { writeFactsBySql } from "./facts-sql.ts";

const PROVINCE = "99";
const COMMUNE = "99001";
const LAST_DAY = "2026-11-30";
const QUARTER = "2026-Q3";
const MONTH = "2026-11";
const SAMPLES = 30;
const WARMUP = 3;

type Row = { id: string; label: string; aimMs: number | null; stats: Stats | null; skipped?: string; bytes?: number };

const series = (n: number, fn: () => Promise<unknown>) => timedSeries(n, fn, WARMUP);

/** The bare SQL of factTotals (indicators.repository.ts) for a province by commune or a commune by village. */
const BARE_SUM = (
  level: "province" | "commune",
) => `SELECT ${level === "province" ? "f.commune_code" : "f.unit_code"} AS unit, f.element_key, sum(f.value)::float8
  FROM indicator_daily_facts f WHERE f.${level}_code = $1 AND f.element_key = ANY($2::text[]) AND f.day BETWEEN $3::date AND $4::date GROUP BY 1, 2`;
const BARE_LAST = (
  level: "province" | "commune",
) => `SELECT ${level === "province" ? "l.commune_code" : "l.unit_code"} AS unit, l.element_key, sum(l.value)::float8 FROM (
  SELECT DISTINCT ON (f.element_key, f.unit_code) f.element_key, f.unit_code, f.commune_code, f.value FROM indicator_daily_facts f
  WHERE f.${level}_code = $1 AND f.element_key = ANY($2::text[]) AND f.day <= $3::date ORDER BY f.element_key, f.unit_code, f.day DESC) l GROUP BY 1, 2`;
/** The records behind "decided late" for a commune and a month, newest first, one page. */
const BARE_LATE = `SELECT d.id, d.code, d.applicant_name, d.received_at, d.due_at, d.finished_at FROM dossiers d
  WHERE d.unit_path LIKE $1 AND d.finished_at >= $2::timestamptz AND d.finished_at < $3::timestamptz AND d.finished_at > d.due_at
    AND d.received_at IS NOT NULL AND d.state <> 'cancelled' ORDER BY d.finished_at DESC LIMIT 50`;
/** The desk's queue counts and its overdue page (dossiers.repository.ts countQueues and listQueue, shape kept). */
const BARE_QUEUE_COUNTS = `SELECT count(*) FILTER (WHERE state = 'submitted')::int AS new_online, count(*) FILTER (WHERE state = 'supplementRequested')::int AS supplement,
  count(*) FILTER (WHERE state = ANY($2::text[]))::int AS in_progress, count(*) FILTER (WHERE state = ANY($3::text[]) AND due_at < now())::int AS overdue,
  count(*) FILTER (WHERE state = 'resultReady')::int AS ready
  FROM dossiers WHERE commune_code = $1 AND state = ANY($4::text[])`;
const BARE_QUEUE_PAGE = `SELECT d.id, d.code, d.state, d.applicant_name, d.due_at, p.name FROM (SELECT *, coalesce(due_at, submitted_at, created_at) AS sort_at,
  coalesce(received_at, submitted_at, created_at) AS arrived_at FROM dossiers WHERE commune_code = $1 AND state = ANY($2::text[]) AND due_at < now()) d
  JOIN procedure_refs p ON p.procedure_id = d.procedure_id ORDER BY d.sort_at, d.arrived_at, d.id LIMIT 50`;
const RUNNING = ["received", "inReview", "forwarded", "awaitingApproval"];
const OPEN = ["submitted", "supplementRequested", "received", "inReview", "forwarded", "awaitingApproval", "paused", "resultReady"];

/** A day's work after LAST_DAY: ~900 dossiers received (a third online), ~900 open ones decided, 200 reports. */
async function insertDayOfWork(c: pg.Client, day: string): Promise<number> {
  const at = `('${day}'::date + time '09:00')::timestamp - interval '7 hours'`;
  const ins = await c.query(
    `INSERT INTO dossiers (id, code, commune_code, unit_path, procedure_id, procedure_version, state, channel, applicant, applicant_name, submitted_at, received_at, due_at, created_at)
     SELECT md5('day:' || n)::uuid, 'DAY-' || n, gc.code, gc.path, md5('proc:SYN.00' || (1 + n % 8))::uuid, 1, 'received', CASE WHEN n % 3 = 0 THEN 'online' ELSE 'counter' END,
       '{"name":"Người nộp"}', 'Người nộp ' || n, (${at}) AT TIME ZONE 'UTC' + interval '1 minute' * (n % 480), (${at}) AT TIME ZONE 'UTC' + interval '1 minute' * (n % 480),
       (${at}) AT TIME ZONE 'UTC' + interval '5 days', (${at}) AT TIME ZONE 'UTC'
     FROM generate_series(0, 899) n JOIN (SELECT code, path, row_number() OVER (ORDER BY code) - 1 AS i FROM admin_units WHERE parent_code = '${PROVINCE}') gc ON gc.i = n % 100`,
  );
  await c.query(
    `INSERT INTO dossier_events (dossier_id, action, from_state, to_state, actor_label, at) SELECT id, 'receive', 'submitted', 'received', 'bench', received_at FROM dossiers WHERE code LIKE 'DAY-%'`,
  );
  const done = await c.query(
    `WITH d AS (SELECT id FROM dossiers WHERE unit_path LIKE '/${PROVINCE}/%' AND state IN ('received', 'inReview') AND code NOT LIKE 'DAY-%' LIMIT 900)
     UPDATE dossiers x SET state = 'resultReady', finished_at = (${at}) AT TIME ZONE 'UTC' + interval '6 hours', updated_at = now() FROM d WHERE x.id = d.id`,
  );
  await c.query(
    `INSERT INTO reports (id, code, commune_code, unit_path, village_code, category_id, description, search_text, created_at)
     SELECT md5('dayrep:' || n)::uuid, 'PA-DAY-' || n, v.parent_code, v.path, v.code, (SELECT id FROM report_categories WHERE province_code = '${PROVINCE}' LIMIT 1), 'Phản ánh', 'pa', (${at}) AT TIME ZONE 'UTC'
     FROM generate_series(0, 199) n JOIN (SELECT code, parent_code, path, row_number() OVER (ORDER BY code) - 1 AS i FROM admin_units WHERE level = 'village' AND path LIKE '/${PROVINCE}/%') v ON v.i = n * 5`,
  );
  return (ins.rowCount ?? 0) + (done.rowCount ?? 0);
}

export async function runIndicatorsSuite(opts: BenchOptions): Promise<void> {
  if (opts.engine !== "system") throw new Error("--suite=indicators generates millions of rows: run it with --engine=system");
  const startedAt = new Date();
  const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
  const cleanups: (() => Promise<unknown>)[] = [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), "xaso-bench-indicators-"));
  cleanups.push(() => rm(tmp, { recursive: true, force: true }));
  const rows: Row[] = [];
  const plans: string[] = [];
  try {
    const reuse = process.env.BENCH_INDICATORS_DB;
    const dbName = reuse ?? `xaso_bench_ind_${randomBytes(4).toString("hex")}`;
    if (!reuse) {
      await admin(opts.systemUrl, `CREATE DATABASE ${dbName}`);
      if (!opts.keep) cleanups.push(() => admin(opts.systemUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    }
    const url = withDatabase(opts.systemUrl, dbName);
    log(`engine system: database ${dbName}${reuse ? " (reused)" : ""}`);
    const db = createDatabase(url);
    cleanups.push(() => db.close());
    await migrate(db);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    cleanups.push(() => c.end());
    let generationMs: number | null = null;
    if (!(await c.query("SELECT 1 FROM admin_units WHERE code = $1", [PROVINCE])).rowCount) {
      log("generating the province (100 communes, 1,000,000 dossiers, 500,000 households, 200,000 reports)…");
      const r = await generateSyntheticProvince(c, { ...PROVINCE_DEFAULTS, provinceCode: PROVINCE, lastDay: LAST_DAY }, log);
      generationMs = r.totalMs;
      await c.query("VACUUM ANALYZE");
    }
    const counts = (
      await c.query(
        `SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM dossier_events)::int AS events,
                (SELECT count(*) FROM households)::int AS households, (SELECT count(*) FROM residents)::int AS residents, (SELECT count(*) FROM reports)::int AS reports,
                (SELECT max(received_at)::date FROM dossiers WHERE code NOT LIKE 'DAY-%')::text AS last_day`,
      )
    ).rows[0] as Record<string, number | string>;
    log(`rows: ${JSON.stringify(counts)}`);
    const lastDay = String(counts.last_day);

    // The facts: the merged refresh when there is one, else the bench's set-based SQL (the same sums).
    const deps = { db, clock: { now: () => new Date(`${lastDay}T20:00:00+07:00`) }, log: pino({ level: "silent" }) } as never;
    let factsBy = "refreshFacts (full)";
    let factsMs = 0;
    const tf = performance.now();
    const had = (await c.query("SELECT 1 FROM indicator_daily_facts WHERE province_code = $1 LIMIT 1", [PROVINCE])).rowCount;
    if (reuse && had && process.env.BENCH_INDICATORS_KEEP_FACTS === "1") {
      factsBy = "kept from an earlier run (BENCH_INDICATORS_KEEP_FACTS=1)";
    } else
      try {
        await refreshFacts(deps, { provinceCode: PROVINCE, full: true });
        factsMs = performance.now() - tf;
      } catch (err) {
        factsBy = `bench SQL (bench/indicators/facts-sql.ts; refreshFacts: ${(err as Error).message})`;
        factsMs = (await writeFactsBySql(c, PROVINCE, lastDay, null)).ms;
      }
    await c.query("ANALYZE indicator_daily_facts");
    const factRows = (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM indicator_daily_facts WHERE province_code = $1", [PROVINCE])).rows[0]!.n;
    log(`facts: ${factRows} rows in ${(factsMs / 1000).toFixed(1)} s by ${factsBy}`);

    const pool = new pg.Pool({ connectionString: url, max: 2 });
    cleanups.push(() => pool.end());
    const n = SAMPLES * opts.rounds;
    const measure = async (id: string, label: string, aimMs: number | null, fn: () => Promise<unknown>) => {
      log(`${id}: ${label} — ${WARMUP} warm-up + ${n} calls, one at a time`);
      const s = await series(n, fn);
      rows.push({ id, label, aimMs, stats: s });
      log(`   p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, mean ${s.mean.toFixed(1)} ms`);
    };
    const skip = (id: string, label: string, aimMs: number | null, why: string) => {
      rows.push({ id, label, aimMs, stats: null, skipped: why });
      log(`${id}: SKIPPED — ${why}`);
    };

    const sets = await setsForProvince({ db }, PROVINCE);
    const quarter = periodOf(QUARTER, lastDay)!;
    const month = periodOf(MONTH, lastDay)!;
    const province = (await repo.unitRef(db, PROVINCE))!;
    const commune = (await repo.unitRef(db, COMMUNE))!;
    const keys = { sum: [] as string[], last: [] as string[] };
    for (const k of new Set(sets.flatMap(elementsOf))) {
      const e = computedElement(k);
      if (e?.landed) keys[e.aggregation].push(k);
    }
    const bare = (level: "province" | "commune", code: string) => () =>
      Promise.all([pool.query(BARE_SUM(level), [code, keys.sum, quarter.start, quarter.end]), pool.query(BARE_LAST(level), [code, keys.last, quarter.end])]);
    const computeAll = (unit: repo.UnitRef) => () => Promise.all(sets.map((set) => computeIndicators({ db }, { set, unit, period: quarter, by: "children" })));

    for (const [label, sql, params] of [
      ["province by commune, a quarter: sums", BARE_SUM("province"), [PROVINCE, keys.sum, quarter.start, quarter.end]],
      ["province by commune: latest stocks", BARE_LAST("province"), [PROVINCE, keys.last, quarter.end]],
      ["commune by village, a quarter: sums", BARE_SUM("commune"), [COMMUNE, keys.sum, quarter.start, quarter.end]],
      [
        "drill-down: dossiers decided late in a month",
        BARE_LATE,
        [`/${PROVINCE}/${COMMUNE}/%`, `${month.start}T00:00:00+07:00`, `${month.end}T23:59:59+07:00`],
      ],
      ["desk: overdue queue page", BARE_QUEUE_PAGE, [COMMUNE, RUNNING]],
    ] as const) {
      const { rows: p } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
      plans.push(`### ${label}\n\n\`\`\`\n${p.map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\`\n`);
    }

    await measure("p-sql", `bare SQL: province ${PROVINCE} by commune, ${QUARTER} (sums + latest stocks)`, null, bare("province", PROVINCE));
    await measure("p-compute", `computeIndicators: province by commune, ${QUARTER}, ${sets.length} set(s), in process`, 500, computeAll(province));
    await measure("c-sql", `bare SQL: commune ${COMMUNE} by village, ${QUARTER}`, null, bare("commune", COMMUNE));
    await measure("c-compute", `computeIndicators: commune by village, ${QUARTER}, in process`, 100, computeAll(commune));
    await measure("r-sql", `bare SQL: dossiers of ${COMMUNE} decided late in ${MONTH}, first 50`, 50, () =>
      pool.query(BARE_LATE, [`/${PROVINCE}/${COMMUNE}/%`, `${month.start}T00:00:00+07:00`, `${month.end}T23:59:59+07:00`]),
    );
    await measure("q-sql", `bare SQL: desk of ${COMMUNE}, queue counts + overdue page`, 50, () =>
      Promise.all([pool.query(BARE_QUEUE_COUNTS, [COMMUNE, [...RUNNING, "paused"], RUNNING, OPEN]), pool.query(BARE_QUEUE_PAGE, [COMMUNE, RUNNING])]),
    );

    // The pages, through the real server (a child process), as a province administrator signed in with the form.
    const events = createEventBus();
    subscribeAudit(events, { now: () => new Date() });
    const password = `bench-${randomBytes(8).toString("hex")}`;
    const username = `bench.ind.${randomBytes(3).toString("hex")}`;
    await createSystemAdmin(
      { db, events, clock: { now: () => new Date() }, config: { servedProvinces: [PROVINCE] } } as never,
      { actor: { userId: null, label: "bench" }, requestId: null },
      { username, password },
    );
    const xaso = await startXasoServer({ url, tmp, province: PROVINCE, poolSize: opts.poolSize });
    const { server, base } = xaso;
    cleanups.push(() => server.stop());
    const cookie = await signInCookie(xaso, username, password);
    const cookieHeader = () => cookie;
    const get = async (p: string) => {
      const res = await fetch(base + p, { headers: { cookie: cookieHeader() }, signal: AbortSignal.timeout(60_000) });
      const body = await res.text();
      if (res.status !== 200) throw Object.assign(new Error(`${p} answered ${res.status}`), { status: res.status });
      return body;
    };
    const page = async (id: string, label: string, aimMs: number, p: string) => {
      try {
        await get(p);
      } catch (err) {
        const status = (err as { status?: number }).status;
        return skip(id, `${label} GET ${p}`, aimMs, status === 404 ? "the page is not in this checkout yet (404)" : (err as Error).message);
      }
      await measure(id, `${label} GET ${p}`, aimMs, () => get(p));
    };
    const q = (set: string, period: string) => `?period=${period}&set=${set}`;
    const mainSet = sets[0]?.key ?? "service-index-766";
    await page("p-page", "XãSố, the province dashboard:", 500, `${indicatorPaths.unit(PROVINCE)}${q(mainSet, QUARTER)}`);
    await page("c-page", "XãSố, a commune dashboard:", 100, `${indicatorPaths.unit(COMMUNE)}${q(mainSet, QUARTER)}`);
    await page("r-page", "XãSố, the drill-down list:", 50, `${indicatorPaths.records(COMMUNE, "dossier_decided_late")}?period=${MONTH}`);
    await page("q-page", "XãSố, the desk's overdue queue:", 50, `/office/desk?commune=${COMMUNE}&queue=overdue`);
    await page("q-page2", "XãSố, the desk's in-progress queue:", 50, `/office/desk?commune=${COMMUNE}&queue=inProgress`);

    // The server's job queue refreshes the facts every 10 minutes under the same advisory lock: stopped here, so that
    // its run neither holds the lock (the measured refresh would be skipped) nor shares the machine with it.
    await server.stop();
    // A day's work, then the refresh of the days it touched: the merged refreshFacts (incremental) and the bare SQL.
    const nextDay = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await c.query("DELETE FROM reports WHERE code LIKE 'PA-DAY-%'");
    await c.query("DELETE FROM dossier_events WHERE dossier_id IN (SELECT id FROM dossiers WHERE code LIKE 'DAY-%')");
    await c.query("DELETE FROM dossiers WHERE code LIKE 'DAY-%'");
    const changed = await insertDayOfWork(c, nextDay);
    log(`a day's work on ${nextDay}: ${changed} dossiers received or decided, 200 reports`);
    const refreshDeps = { ...(deps as object), clock: { now: () => new Date(`${nextDay}T20:00:00+07:00`) } } as never;
    // The day's work is the same rows each run (same times): the watermarks go back to the day's start, so the
    // refresh sees all of it as new, whatever an earlier run left.
    // (Only the sources the day's work writes: the synthetic visits all carry the last day's end as their sync time.)
    await c.query("UPDATE indicator_refresh_state SET watermark = $1 WHERE source IN ($2, $3)", [
      new Date(`${nextDay}T00:00:00+07:00`),
      `dossiers:${PROVINCE}`,
      `reports:${PROVINCE}`,
    ]);
    try {
      const t0 = performance.now();
      const r = await refreshFacts(refreshDeps, { provinceCode: PROVINCE, full: false });
      const ms = performance.now() - t0;
      // Another refresh held the lock: nothing was measured.
      if (r.skipped) throw new Error("skipped: another refresh held the lock");
      rows.push({ id: "f-refresh", label: "refreshFacts incremental after a day's work", aimMs: 10_000, stats: { n: 1, p50: ms, p99: ms, mean: ms, max: ms } });
      log(`f-refresh: ${ms.toFixed(0)} ms (${JSON.stringify(r.sources.map((s) => [s.source, s.rows]))})`);
    } catch (err) {
      skip("f-refresh", "refreshFacts incremental after a day's work", 10_000, `refreshFacts: ${(err as Error).message}`);
    }
    const bareRefresh = await writeFactsBySql(c, PROVINCE, nextDay, [nextDay]);
    rows.push({
      id: "f-sql",
      label: `bare SQL: the facts of ${nextDay} rewritten (${bareRefresh.rows} rows)`,
      aimMs: 10_000,
      stats: { n: 1, p50: bareRefresh.ms, p99: bareRefresh.ms, mean: bareRefresh.ms, max: bareRefresh.ms },
    });
    log(`f-sql: ${bareRefresh.ms.toFixed(0)} ms, ${bareRefresh.rows} rows`);

    const sizes = (
      await c.query(
        `SELECT relname AS table, pg_size_pretty(pg_total_relation_size(oid)) AS size, pg_total_relation_size(oid)::bigint AS bytes FROM pg_class
         WHERE relname IN ('dossiers', 'dossier_events', 'dossier_documents', 'indicator_daily_facts', 'reports', 'residents', 'resident_skills') ORDER BY bytes DESC`,
      )
    ).rows;
    const report = {
      suite: "indicators",
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: suiteMachine(),
      data: { ...counts, generationMs, factRows, factsMs: Math.round(factsMs), factsBy, sets: sets.map((s) => s.key), sizes },
      rows,
    };
    const out = path.join(REPO_ROOT, "bench", "results");
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, "indicators-system.json"), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(out, "indicators-plans.md"), `# Plans on the synthetic province (${startedAt.toISOString()})\n\n${plans.join("\n")}`);
    process.stdout.write(
      `\nIndicators (${counts.dossiers} dossiers, ${counts.households} households, ${factRows} daily facts; one call at a time, ${n} each)\n`,
    );
    process.stdout.write(`${"scenario".padEnd(100)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)} ${"aim".padStart(7)}\n`);
    for (const r of rows) {
      const cells = r.stats ? `${r.stats.p50.toFixed(1).padStart(9)} ${r.stats.p99.toFixed(1).padStart(9)}` : `${"skipped".padStart(19)}`;
      process.stdout.write(
        `${`${r.id} ${r.label}`.slice(0, 100).padEnd(100)} ${cells} ${String(r.aimMs ?? "").padStart(7)}${r.skipped ? `  (${r.skipped})` : ""}\n`,
      );
    }
    process.stdout.write("\nWritten: bench/results/indicators-system.json, bench/results/indicators-plans.md\n");
  } finally {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => process.stderr.write(`cleanup: ${String(err)}\n`));
  }
}
