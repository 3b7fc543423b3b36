// `npm run bench -- --suite=reports-public --engine=system`: the public pages of citizen reports for a commune with
// 20,000 reports: the public list (first page, a filtered page, a deep page) and the map's GeoJSON (the whole commune,
// and a bounding box), each next to its bare SQL (the same repository query over a plain pg pool), in the same run.
// The data is generated inside a fresh database (generate_series, deterministic); the XãSố server is a child
// process; requests go one at a time (a person opening the page), then 20 at a time for throughput.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { listPublicPoints, listPublicReports } from "../../src/modules/reports/public/public.repository.ts";
import { createDatabase } from "../../src/platform/db/database.ts";
import { migrate } from "../../src/platform/db/migrator.ts";
import { sessionCookieName } from "../../src/platform/http/middleware.ts";
import { REPO_ROOT } from "../lib/child.ts";
import { startXasoServer } from "../lib/xaso-server.ts";
import type { BenchOptions } from "../lib/options.ts";
import { admin, suiteMachine, timedSteps, withDatabase } from "../lib/suite-kit.ts";
import { machineCpuMs } from "../lib/procfs.ts";
import { type Stats, series as timedSeries } from "../lib/series.ts";

export const PROVINCE = "98";
export const COMMUNE = "98001";
export const REPORTS = 20_000;
const VILLAGES = 12;
const CATEGORIES = 8;

type Row = { id: string; label: string; stats: Stats; bytes?: number; rps?: number; busyPctBefore?: number };

/** Waits (at most maxS seconds) for the machine to be under 10 % busy: other jobs on a shared machine skew the figures. */
async function waitForQuiet(maxS: number): Promise<number> {
  const capacity = 1000 * os.availableParallelism();
  let busyPct = Number.NaN;
  for (let i = 0; i <= maxS; i++) {
    const a = machineCpuMs().busy;
    await new Promise((r) => setTimeout(r, 1000));
    busyPct = (100 * (machineCpuMs().busy - a)) / capacity;
    if (busyPct < 10) break;
  }
  return busyPct;
}

const SAMPLES_PER_ROUND = 40;
// Enough for the server's JIT to settle on each route before its latency counts.
const WARMUP = 40;
const CONCURRENCY = 20;
const THROUGHPUT_MS = 5_000;

const series = (n: number, fn: () => Promise<unknown>) => timedSeries(n, fn, WARMUP);

/** Requests per second with CONCURRENCY callers in a loop for THROUGHPUT_MS. */
async function throughput(fn: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const until = performance.now() + THROUGHPUT_MS;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await fn();
        done++;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

/**
 * One commune of 12 villages and 8 categories; 20,000 reports over 24 months: 70 % with coordinates, 90 % public,
 * 2 % hidden, 3 % rejected, statuses spread over the workflow, a photo with one report in three (one stored file).
 */
async function generate(c: pg.Client, log: (m: string) => void): Promise<Record<string, number>> {
  const { ms, step } = timedSteps(c, log);
  await c.query("SET synchronous_commit = off");
  await step(
    "units",
    `INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name)
     SELECT '${PROVINCE}', NULL, 'province', 'Tỉnh', 'Thử tải', 'Tỉnh Thử tải', '/${PROVINCE}/', 'tinh thu tai', 'Thu tai'
     UNION ALL SELECT '${COMMUNE}', '${PROVINCE}', 'commune', 'Xã', 'Phản Ánh', 'Xã Phản Ánh', '/${PROVINCE}/${COMMUNE}/', 'xa phan anh', 'Phan Anh'
     UNION ALL SELECT '${COMMUNE}.' || lpad(v::text, 3, '0'), '${COMMUNE}', 'village', 'Thôn', 'Thôn ' || v, 'Thôn ' || v,
       '/${PROVINCE}/${COMMUNE}/${COMMUNE}.' || lpad(v::text, 3, '0') || '/', 'thon ' || v, 'Thon ' || lpad(v::text, 3, '0')
     FROM generate_series(1, ${VILLAGES}) v`,
  );
  await step(
    "categories",
    `INSERT INTO report_categories (id, province_code, commune_code, code, name_vi, name_en, responsible_unit)
     SELECT md5('cat' || k)::uuid, '${PROVINCE}', NULL, 'cat' || k, 'Lĩnh vực ' || k, 'Category ' || k, 'Công chức ' || k
     FROM generate_series(1, ${CATEGORIES}) k`,
  );
  const statuses = "ARRAY['received','accepted','assigned','in_progress','forwarded','resolved','reopened','closed','closed','resolved']";
  await step(
    "reports",
    `INSERT INTO reports (id, code, commune_code, unit_path, village_code, category_id, description, landmark, lat, lon, location_source,
       status, reject_reason, public, hidden_at, reporter_name, reporter_phone, answer, support_count, search_text, created_at)
     SELECT md5('r' || n)::uuid, 'PA-B' || lpad(n::text, 6, '0'), '${COMMUNE}',
       '/${PROVINCE}/${COMMUNE}/${COMMUNE}.' || lpad((n % ${VILLAGES} + 1)::text, 3, '0') || '/', '${COMMUNE}.' || lpad((n % ${VILLAGES} + 1)::text, 3, '0'),
       md5('cat' || (n % ${CATEGORIES} + 1))::uuid,
       'Phản ánh số ' || n || ': ổ gà lớn giữa đường liên thôn, nước đọng sau mưa, xe máy dễ ngã, đề nghị xã sửa sớm.',
       'Gần nhà văn hoá thôn ' || (n % ${VILLAGES} + 1),
       CASE WHEN n % 10 < 7 THEN 22.3 + (hashtext('la' || n) & 65535) / 65535.0 * 0.2 END,
       CASE WHEN n % 10 < 7 THEN 103.9 + (hashtext('lo' || n) & 65535) / 65535.0 * 0.2 END,
       CASE WHEN n % 10 < 7 THEN 'map' ELSE 'none' END,
       CASE WHEN n % 33 = 0 THEN 'rejected' ELSE (${statuses})[n % 10 + 1] END,
       CASE WHEN n % 33 = 0 THEN 'duplicate' END,
       n % 10 <> 9, CASE WHEN n % 50 = 0 THEN now() END,
       'Người Thử ' || n, '09' || lpad((n % 100000000)::text, 8, '0'),
       CASE WHEN n % 10 IN (5, 7, 8, 9) THEN 'Đã xử lý xong phản ánh số ' || n || '.' END,
       n % 7, 'pa-b' || n, now() - (n * interval '52 minutes')
     FROM generate_series(1, ${REPORTS}) n`,
  );
  await step(
    "stored file",
    `INSERT INTO stored_files (id, name, media_type, size_bytes, sha256, content) VALUES (md5('photo')::uuid, 'a.jpg', 'image/jpeg', 3, 'x', '\\xffd8ff')`,
  );
  await step(
    "photos",
    `INSERT INTO report_photos (report_id, stage, file_id, width, height) SELECT md5('r' || n)::uuid, 'report', md5('photo')::uuid, 1280, 960
     FROM generate_series(1, ${REPORTS}) n WHERE n % 3 = 0`,
  );
  return ms;
}

export async function runReportsPublicSuite(opts: BenchOptions): Promise<void> {
  if (opts.engine !== "system") throw new Error("--suite=reports-public generates its commune in a fresh database: run it with --engine=system");
  const startedAt = new Date();
  const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
  const cleanups: (() => Promise<unknown>)[] = [];
  const tmp = await mkdtemp(path.join(os.tmpdir(), "xaso-bench-reports-"));
  cleanups.push(() => (opts.keep ? Promise.resolve(log(`kept ${tmp}`)) : rm(tmp, { recursive: true, force: true })));
  try {
    const dbName = `xaso_bench_rep_${randomBytes(4).toString("hex")}`;
    await admin(opts.systemUrl, `CREATE DATABASE ${dbName}`);
    if (!opts.keep) cleanups.push(() => admin(opts.systemUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    const url = withDatabase(opts.systemUrl, dbName);
    log(`engine system: database ${dbName}`);
    const db = createDatabase(url);
    cleanups.push(() => db.close());
    log(`migrations: ${(await migrate(db)).applied.length} applied`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    cleanups.push(() => c.end());
    const t0 = performance.now();
    const steps = await generate(c, log);
    await c.query("VACUUM ANALYZE");
    const generationMs = performance.now() - t0;
    const counts = (
      await c.query(
        `SELECT count(*)::int AS reports, count(*) FILTER (WHERE public AND hidden_at IS NULL AND status <> 'rejected')::int AS public,
                count(*) FILTER (WHERE public AND hidden_at IS NULL AND status <> 'rejected' AND lat IS NOT NULL)::int AS "publicWithPlace"
         FROM reports WHERE commune_code = $1`,
        [COMMUNE],
      )
    ).rows[0] as Record<string, number>;
    log(`rows: ${JSON.stringify(counts)} in ${(generationMs / 1000).toFixed(1)} s`);

    const xaso = await startXasoServer({ url, tmp, province: PROVINCE, poolSize: opts.poolSize, dropEnv: /^MAP_/ });
    const { server, base } = xaso;
    cleanups.push(() => server.stop());
    log(`XãSố listening after ${server.spawnToReadyMs.toFixed(0)} ms`);

    let lastBytes = 0;
    // `fresh`: a cookie the page cache treats as a visitor's own (an unknown session): the page is rendered each time.
    const get = async (p: string, fresh = false) => {
      const res = await fetch(base + p, {
        headers: { "accept-encoding": "gzip", ...(fresh ? { cookie: `${sessionCookieName(false)}=bench-not-a-session` } : {}) },
        signal: AbortSignal.timeout(30_000),
      });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${body.slice(0, 300)}`);
      lastBytes = Buffer.byteLength(body);
      return body;
    };
    const first = await get(`/reports/${COMMUNE}`, true);
    if ((first.match(/<li>/g) ?? []).length < 20) throw new Error("the public list shows fewer than 20 reports");
    const geo = JSON.parse(await get(`/api/v1/public/reports.geojson?commune=${COMMUNE}`)) as { features: unknown[]; truncated: boolean };
    log(`GeoJSON: ${geo.features.length} features, truncated ${geo.truncated}`);
    // A deep page: the cursor of the 10th page, found by following "next" like a visitor.
    let deep = `/reports/${COMMUNE}`;
    for (let i = 0; i < 9; i++) {
      const next = (await get(deep, true)).match(/href="([^"]+)" rel="next"/)?.[1]?.replace(/&amp;/g, "&");
      if (!next) throw new Error("no next page");
      deep = next;
    }
    const deepCursor = new URL(deep, base).searchParams.get("cursor")!;
    const [createdAt, id] = JSON.parse(Buffer.from(deepCursor, "base64url").toString()) as [string, string];

    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize });
    cleanups.push(() => pool.end());
    const n = SAMPLES_PER_ROUND * opts.rounds;
    const rows: Row[] = [];
    const measure = async (rowId: string, label: string, fn: () => Promise<unknown>, bytes = false) => {
      const busyPctBefore = await waitForQuiet(Math.min(opts.quietWaitS, 30));
      log(
        `${rowId}: ${label} — ${WARMUP} warm-up + ${n} one at a time, then ${CONCURRENCY} at a time for ${THROUGHPUT_MS / 1000} s (machine ${busyPctBefore.toFixed(0)} % busy)`,
      );
      const s = await series(n, fn);
      const size = lastBytes;
      const rps = await throughput(fn);
      rows.push({ id: rowId, label, stats: s, rps, busyPctBefore: Math.round(busyPctBefore), ...(bytes ? { bytes: size } : {}) });
      log(`   p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${rps.toFixed(0)} req/s`);
    };
    const bbox = { west: 103.95, south: 22.35, east: 104.0, north: 22.4 };
    const month = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);
    await measure("l-sql", "bare SQL: the list's first page (repository query, plain pg pool)", () => listPublicReports(pool, COMMUNE, {}, null, 21));
    await measure("l-page", `XãSố GET /reports/${COMMUNE} rendered each time (page cache bypassed)`, () => get(`/reports/${COMMUNE}`, true), true);
    await measure("l-cached", `XãSố GET /reports/${COMMUNE} anonymous (page cache, 30 s)`, () => get(`/reports/${COMMUNE}`), true);
    await measure("lf-sql", `bare SQL: filtered (open, cat3, month ${month})`, () =>
      listPublicReports(pool, COMMUNE, { status: "open", category: "cat3", month }, null, 21),
    );
    await measure(
      "lf-page",
      `XãSố GET /reports/${COMMUNE}?status=open&category=cat3&month=${month}`,
      () => get(`/reports/${COMMUNE}?status=open&category=cat3&month=${month}`, true),
      true,
    );
    await measure("ld-sql", "bare SQL: the 10th page (keyset)", () => listPublicReports(pool, COMMUNE, {}, { createdAt, id }, 21));
    await measure("ld-page", `XãSố GET ${deep.slice(0, 40)}… (10th page)`, () => get(deep, true), true);
    await measure("g-sql", "bare SQL: the map's points, whole commune (500 newest)", () => listPublicPoints(pool, COMMUNE, {}, undefined, 501));
    await measure("g-api", `XãSố GET /api/v1/public/reports.geojson?commune=${COMMUNE}`, () => get(`/api/v1/public/reports.geojson?commune=${COMMUNE}`), true);
    await measure("gb-sql", "bare SQL: the map's points in a bounding box (1/16 of the commune)", () => listPublicPoints(pool, COMMUNE, {}, bbox, 501));
    await measure(
      "gb-api",
      "XãSố GET /api/v1/public/reports.geojson?commune=…&bbox=…",
      () => get(`/api/v1/public/reports.geojson?commune=${COMMUNE}&bbox=${bbox.west},${bbox.south},${bbox.east},${bbox.north}`),
      true,
    );

    const report = {
      suite: "reports-public",
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: suiteMachine(),
      data: { ...counts, generationMs: Math.round(generationMs), generationSteps: steps },
      rows,
    };
    const out = path.join(REPO_ROOT, "bench", "results");
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, "reports-public-system.json"), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nPublic reports (${counts.reports} reports, ${counts.public} public, ${counts.publicWithPlace} on the map)\n`);
    process.stdout.write(`${"scenario".padEnd(90)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"req/s".padStart(8)} ${"bytes".padStart(8)}\n`);
    for (const r of rows)
      process.stdout.write(
        `${`${r.id} ${r.label}`.padEnd(90)} ${r.stats.p50.toFixed(1).padStart(8)} ${r.stats.p99.toFixed(1).padStart(8)} ${(r.rps ?? 0).toFixed(0).padStart(8)} ${String(r.bytes ?? "").padStart(8)}\n`,
      );
    process.stdout.write("\nWritten: bench/results/reports-public-system.json\n");
  } finally {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => process.stderr.write(`cleanup: ${String(err)}\n`));
  }
}
