// `npm run bench`: start-up time, idle memory and HTTP throughput/latency of the real XãSố server, next to bare
// baselines measured in the same run. Every server under test is a child process; this process only generates load.
// See docs/performance.md for how to read the output.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, REPO_ROOT, startChild, type Ready } from "./lib/child.ts";
import { measure, type LoadResult, type RequestSpec } from "./lib/load.ts";
import { CITIZEN, LAST4, PROCEDURE, prepareDossiers, statusRequest, submitRequest, type DossierFixture } from "./lib/dossiers.ts";
import { DEMO_COMMUNE } from "../src/demo/seed-demo.ts";
import { runFieldSyncBench } from "./lib/field-sync.ts";
import { parseOptions, USAGE, type BenchOptions } from "./lib/options.ts";
import { cpuDelta, cpuSnapshot, machineCpuMs, parentPid, processGroup, rssKb, pssKb, sumMemory, type MemorySum } from "./lib/procfs.ts";
import { printReport, type Report, type Scenario } from "./lib/report.ts";
import { runCoverageSuite } from "./coverage/suite.ts";
import { runIndicatorsSuite } from "./indicators/suite.ts";
import { runReportsPublicSuite } from "./reports-public/suite.ts";
import { runReportsSubmitBench } from "./reports-submit/suite.ts";
import { runNoticeFanOutBench } from "./notice-fan-out/suite.ts";

const READY_TEXT = "XãSố is listening";
const START_TIMEOUT_MS = 240_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Configuration variables of src/config.ts: none leaks in from the caller's shell, every one is set here.
const CONFIG_KEYS =
  /^(NODE_ENV|HOST|PORT|PUBLIC_URL|LOG_LEVEL|DATABASE_URL|DATABASE_POOL_SIZE|DATA_DIR|EMBEDDED_PG_PORT|SESSION_SECRET|SESSION_TTL_HOURS|COOKIE_SECURE|SERVED_PROVINCES|SEED_DEMO|TRUST_PROXY|TRUSTED_PROXIES|MAX_BODY_BYTES|SIGNIN_.*|FILING_.*|UPLOAD_.*|SMS_.*|OIDC_.*)$/;
function baseEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !CONFIG_KEYS.test(k) && !k.startsWith("BENCH_")));
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** The postmaster serving url: the parent process of our own backend. */
async function postmasterPid(url: string): Promise<number | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return rows[0] ? parentPid(rows[0].pid) : null;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * Waits (at most maxS seconds, in 1 s steps) until the machine is quiet: less than 10 % of all CPUs busy over the
 * last second while our servers idle. Other jobs on a shared machine otherwise take CPU from the servers under test.
 */
async function waitForQuiet(maxS: number): Promise<{ waitedS: number; busyPct: number }> {
  const capacity = 1000 * os.availableParallelism();
  let busyPct = NaN;
  for (let i = 0; i <= maxS; i++) {
    const a = machineCpuMs().busy;
    await sleep(1000);
    busyPct = (100 * (machineCpuMs().busy - a)) / capacity;
    if (busyPct < 10) return { waitedS: i, busyPct };
  }
  return { waitedS: maxS, busyPct };
}

async function getJson(url: string): Promise<{ status: number; body: unknown; bytes: number }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, bytes: Buffer.byteLength(text) };
}

type Item = Record<string, unknown> & { code: string };
const itemsOf = (body: unknown): Item[] => ((body as { items?: Item[] }).items ?? []).slice().sort((a, b) => a.code.localeCompare(b.code));

function machine() {
  const cpus = os.cpus();
  let git: string | null = null;
  try {
    git = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8", timeout: 5000 }).trim();
  } catch {
    /* not a checkout */
  }
  return {
    nproc: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? "unknown",
    memTotalMiB: Math.round(os.totalmem() / 1048576),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    gitHead: git,
  };
}

async function main(opts: BenchOptions) {
  // The field sync is measured in process against the system server (bench/lib/field-sync.ts).
  if (opts.suite === "field-sync") return runFieldSyncBench(opts);
  // Citizen reports sent with a 200 KB photo, in process against the system server (bench/reports-submit/suite.ts).
  if (opts.suite === "reports-submit") return runReportsSubmitBench(opts);
  // One notice fanned out to 100,000 residents, in process against the system server (bench/notice-fan-out/suite.ts).
  if (opts.suite === "notice-fan-out") return runNoticeFanOutBench(opts);
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => process.stderr.write(`cleanup: ${String(err)}\n`));
  };
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write("\ninterrupted: stopping the servers…\n");
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const startedAt = new Date();
  const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "xaso-bench-"));
  // As root the embedded server runs as the "postgres" system user, which must reach DATA_DIR.
  await chmod(tmp, 0o755);
  cleanups.push(async () => {
    if (opts.keep) log(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  });
  const logs = path.join(tmp, "logs");
  await mkdir(logs);
  const dataDir = path.join(tmp, "data"); // does not exist yet: the first start begins from nothing

  try {
    // ---- database engine -------------------------------------------------------------------------------------
    let databaseUrl: string | undefined;
    let systemDb: string | undefined;
    const pgPort = await freePort();
    if (opts.engine === "system") {
      const dbName = `xaso_bench_${randomBytes(4).toString("hex")}`;
      await adminQuery(opts.systemUrl, `CREATE DATABASE ${dbName}`);
      cleanups.push(() => adminQuery(opts.systemUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
      databaseUrl = withDatabase(opts.systemUrl, dbName);
      systemDb = dbName;
      log(`engine system: created empty database ${dbName}`);
    } else {
      log(`engine embedded: DATA_DIR ${dataDir} (empty), PostgreSQL port ${pgPort}`);
    }

    const appPort = await freePort();
    const appBase = `http://127.0.0.1:${appPort}`;
    const appEnv: NodeJS.ProcessEnv = {
      ...baseEnv(),
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: String(appPort),
      LOG_LEVEL: opts.logLevel,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      DATABASE_POOL_SIZE: String(opts.poolSize),
      SERVED_PROVINCES: "15",
      SEED_DEMO: "true",
      // The benchmark files thousands of dossiers with one citizen's tokens from one address: the filing, upload and
      // SMS limits would refuse them, so they are off here (0); what is measured is the work of a filing.
      FILING_MAX_PER_CITIZEN: "0",
      FILING_MAX_PER_ADDRESS: "0",
      UPLOAD_MAX_FILES_PER_CITIZEN: "0",
      UPLOAD_MAX_MB_PER_CITIZEN: "0",
      UPLOAD_MAX_FILES_PER_ADDRESS: "0",
      UPLOAD_MAX_MB_PER_ADDRESS: "0",
      SMS_MAX_PER_RECIPIENT: "0",
      SMS_MAX_PER_ACCOUNT: "0",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const traceArgs = opts.traceSql ? ["--import", "./bench/lib/sql-trace.ts"] : [];
    const readyText = ["info", "debug", "trace"].includes(opts.logLevel) ? READY_TEXT : null;
    // As `npm start` runs it: the compiled dist/main.js (built first when the sources changed), or with --server=tsx
    // the TypeScript through tsx as before the build step. The SQL trace is a .ts preload, so it brings tsx along.
    const compiled = opts.server === "compiled";
    if (compiled) execFileSync("bash", ["scripts/build.sh", "--if-needed"], { cwd: REPO_ROOT, stdio: "inherit" });
    const startApp = (name: string) =>
      startChild({
        name,
        script: compiled ? "dist/main.js" : "src/main.ts",
        tsx: !compiled || !!opts.traceSql,
        logFile: path.join(logs, `${name}.log`),
        readyText,
        probeUrl: `${appBase}/healthz`,
        timeoutMs: START_TIMEOUT_MS,
        env: { ...appEnv, ...(opts.traceSql ? { BENCH_SQL_TRACE: path.join(tmp, `sql-${name}.json`) } : {}) },
        nodeArgs: [
          ...(compiled ? ["--enable-source-maps"] : []),
          ...(name === "xaso-first-start" ? [] : [...traceArgs, ...(opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(opts.cpuProf)}`] : [])]),
        ],
      });
    const inProcessMs = (r: Ready): number | null => {
      try {
        return r.readyLine ? ((JSON.parse(r.readyLine) as { startupMs?: number }).startupMs ?? null) : null;
      } catch {
        return null;
      }
    };

    // ---- start-up: first on an empty DATA_DIR / database, then on the existing data ----------------------------
    const quietFirst = await waitForQuiet(opts.quietWaitS);
    log(`first start (empty data: initdb, migrations, official admin units, demo data), machine ${quietFirst.busyPct.toFixed(0)} % busy before…`);
    const first = await startApp("xaso-first-start");
    const firstStartup = { spawnToListeningMs: first.spawnToReadyMs, inProcessMs: inProcessMs(first), machineBusyPctBefore: quietFirst.busyPct };
    log(`  listening after ${first.spawnToReadyMs.toFixed(0)} ms; stopping it`);
    const firstExit = await first.stop();
    if (firstExit !== 0) throw new Error(`the first XãSố process exited with ${String(firstExit)}; see ${first.logFile}`);

    const quietSecond = await waitForQuiet(opts.quietWaitS);
    log(`second start (existing data), machine ${quietSecond.busyPct.toFixed(0)} % busy before…`);
    const app = await startApp("xaso");
    cleanups.push(() => app.stop());
    const secondStartup = { spawnToListeningMs: app.spawnToReadyMs, inProcessMs: inProcessMs(app), machineBusyPctBefore: quietSecond.busyPct };
    log(`  listening after ${app.spawnToReadyMs.toFixed(0)} ms`);

    // The URL the bare baseline uses: the same server and database as XãSố.
    const pgUrl =
      databaseUrl ?? `postgres://xaso:${encodeURIComponent(readFileSync(path.join(dataDir, "pg-password"), "utf8").trim())}@127.0.0.1:${pgPort}/xaso`;
    const postmaster = await postmasterPid(pgUrl);
    // Embedded: the whole server is ours. System: only the backends connected to our database (the server is shared).
    let activity: pg.Client | null = null;
    if (systemDb) {
      const c = new pg.Client({ connectionString: opts.systemUrl, connectionTimeoutMillis: 5000 });
      await c.connect();
      activity = c;
      cleanups.push(() => c.end());
    }
    const pgPids = async (): Promise<number[]> => {
      if (!activity) return postmaster ? processGroup(postmaster) : [];
      const { rows } = await activity.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [systemDb]);
      return rows.map((r) => r.pid);
    };

    // ---- idle memory ------------------------------------------------------------------------------------------
    await sleep(opts.settleS * 1000);
    const nodeMem = (pid: number) => ({ rssKb: rssKb(pid), pssKb: pssKb(pid) });
    const embeddedPg = (): MemorySum | null => (opts.engine === "embedded" && postmaster ? sumMemory(processGroup(postmaster)) : null);
    const idleMemory = { node: nodeMem(app.pid), postgres: embeddedPg() };
    log(
      `idle memory: node RSS ${idleMemory.node.rssKb} KiB, embedded PostgreSQL ${idleMemory.postgres ? `${idleMemory.postgres.rssKb} KiB RSS in ${idleMemory.postgres.processes} processes` : "n/a"}`,
    );

    const web = opts.suite !== "dossiers";
    const dossiers = opts.suite !== "web";
    const servers: Ready[] = [app];

    // ---- dossiers: tokens, the uploaded file, the dossiers the look-ups read (before the VACUUM, so it sees them) -
    let fixture: DossierFixture | null = null;
    if (dossiers) {
      // The routes are another module's; wait (bounded) until this checkout has them.
      const probe = await fetch(`${appBase}/api/v1/dossiers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
        signal: AbortSignal.timeout(10_000),
      });
      await probe.arrayBuffer();
      if (probe.status === 404)
        throw new Error(
          "POST /api/v1/dossiers answers 404: this checkout does not mount the dossiers API (src/modules/dossiers/dossiers.api.ts in src/app.ts) yet; run with --suite=web",
        );
      const t0 = performance.now();
      fixture = await prepareDossiers({ pgUrl, appBase, tokens: opts.tokens, lookupCodes: opts.lookupCodes });
      log(
        `dossiers: ${fixture.tokens.length} API token(s) of ${CITIZEN}, file ${fixture.fileId}, ${fixture.codes.length} dossiers of ${PROCEDURE} filed for the look-ups (${(performance.now() - t0).toFixed(0)} ms)`,
      );
    }

    // ---- the state autovacuum leaves ---------------------------------------------------------------------------
    // The official list was bulk-loaded seconds ago. Until a VACUUM (autovacuum's, about a minute later; never where
    // autovacuum is off) its rows sit in the trigram index's pending list and the planner has no statistics: the
    // search then costs several times more. Measure the steady state, as autovacuum would leave it.
    let vacuumMs: number | null = null;
    if (!opts.skipVacuum) {
      const t0 = performance.now();
      await adminQuery(pgUrl, "VACUUM ANALYZE");
      vacuumMs = performance.now() - t0;
      log(`VACUUM ANALYZE took ${vacuumMs.toFixed(0)} ms`);
    }

    const idleBaselines: Record<string, number | null> = {};
    let check: Report["check"] = {};
    let homeBytes: number | null = null;
    let searchPath = "";
    const constPort = await freePort();
    const barePort = await freePort();
    const bareDossiersPort = await freePort();
    const constBase = `http://127.0.0.1:${constPort}`;
    const bareBase = `http://127.0.0.1:${barePort}`;
    const bareDossiersBase = `http://127.0.0.1:${bareDossiersPort}`;
    let constant: Ready | null = null;
    let bare: Ready | null = null;
    let bareDossiers: Ready | null = null;
    if (web) {
      searchPath = `/api/v1/admin-units/search?q=${encodeURIComponent(opts.query)}`;
      const xSearch = await getJson(appBase + searchPath);
      if (xSearch.status !== 200) throw new Error(`XãSố search answered ${xSearch.status}: ${JSON.stringify(xSearch.body)}`);
      const xItems = itemsOf(xSearch.body);
      if (xItems.length === 0) throw new Error(`XãSố search for "${opts.query}" found nothing; pick another --query`);
      const home = await fetch(`${appBase}/`, { signal: AbortSignal.timeout(10_000) });
      homeBytes = Buffer.byteLength(await home.text());
      if (home.status !== 200) throw new Error(`XãSố home page answered ${home.status}`);

      constant = await startChild({
        name: "constant",
        script: "bench/servers/constant.ts",
        env: { ...baseEnv(), BENCH_PORT: String(constPort) },
        logFile: path.join(logs, "constant.log"),
        readyText: "listening",
        timeoutMs: 60_000,
      });
      const c0 = constant;
      cleanups.push(() => c0.stop());
      bare = await startChild({
        name: "bare-pg",
        script: "bench/servers/bare-pg.ts",
        env: {
          ...baseEnv(),
          BENCH_PORT: String(barePort),
          BENCH_DATABASE_URL: pgUrl,
          BENCH_POOL_SIZE: String(opts.poolSize),
          BENCH_CODES: xItems.map((i) => i.code).join(","),
          BENCH_QUERY: opts.query,
          BENCH_SERVED: "15",
        },
        logFile: path.join(logs, "bare-pg.log"),
        readyText: "listening",
        timeoutMs: 60_000,
      });
      const b0 = bare;
      cleanups.push(() => b0.stop());
      servers.push(constant, bare);
      idleBaselines.idleConstantNodeRssKb = rssKb(constant.pid);
      idleBaselines.idleBarePgNodeRssKb = rssKb(bare.pid);
      const same = (a: Item[], b: Item[]) => JSON.stringify(a) === JSON.stringify(b);
      const bareUnits = await getJson(`${bareBase}/units`);
      const bareSearch = await getJson(`${bareBase}/search-sql`);
      check = {
        query: opts.query,
        codes: xItems.map((i) => i.code),
        barePgSameRows: bareUnits.status === 200 && same(itemsOf(bareUnits.body), xItems),
        searchSqlSameRows: bareSearch.status === 200 && same(itemsOf(bareSearch.body), xItems),
      };
      if (!check.barePgSameRows || !check.searchSqlSameRows) {
        throw new Error(
          `the baseline rows differ from XãSố's:\nXãSố ${JSON.stringify(xItems)}\nbare ${JSON.stringify(bareUnits.body)}\nsearch-sql ${JSON.stringify(bareSearch.body)}`,
        );
      }
      log(`search "${opts.query}" → ${xItems.length} row(s) ${check.codes!.join(", ")}; both bare-pg routes return the same rows`);
    }

    if (fixture) {
      const f = fixture;
      bareDossiers = await startChild({
        name: "bare-dossiers",
        script: "bench/servers/bare-dossiers.ts",
        nodeArgs: traceArgs,
        env: {
          ...baseEnv(),
          BENCH_SQL_TRACE: path.join(tmp, "sql-bare-dossiers.json"),
          BENCH_PORT: String(bareDossiersPort),
          BENCH_DATABASE_URL: pgUrl,
          BENCH_POOL_SIZE: String(opts.poolSize),
          BENCH_USER_ID: f.userId,
          BENCH_USER_LABEL: CITIZEN,
          BENCH_COMMUNE: DEMO_COMMUNE,
          BENCH_PROCEDURE: PROCEDURE,
        },
        logFile: path.join(logs, "bare-dossiers.log"),
        readyText: "listening",
        timeoutMs: 60_000,
      });
      const bd = bareDossiers;
      cleanups.push(() => bd.stop());
      servers.push(bd);
      idleBaselines.idleBareDossiersNodeRssKb = rssKb(bd.pid);
      // Same dossier, same steps, both ways; and one submission each way, read back through XãSố's look-up.
      const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, bytes: Buffer.byteLength(text) };
      };
      const lookup = JSON.stringify({ code: f.codes[0], last4: LAST4 });
      const xs = await post(`${appBase}/api/v1/status`, lookup);
      const bs = await post(`${bareDossiersBase}/status`, lookup);
      const gist = (b: Record<string, unknown>) =>
        JSON.stringify([
          b.code,
          b.procedureName,
          b.state,
          b.submittedAt,
          (b.steps as { action: string; at: string }[] | undefined)?.map((s) => [s.action, s.at]),
        ]);
      const sub = submitRequest(f);
      const viaApp = await post(`${appBase}/api/v1/dossiers`, f.body, { ...sub.headers, ...sub.next!().headers });
      const viaBare = await post(`${bareDossiersBase}/dossiers`, f.body, { ...sub.headers, ...sub.next!().headers });
      const readBack = viaBare.status === 201 ? await post(`${appBase}/api/v1/status`, JSON.stringify({ code: viaBare.body.code, last4: LAST4 })) : null;
      const writes = async (code: unknown) => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        try {
          const { rows } = await c.query<Record<string, number>>(
            `SELECT (SELECT count(*) FROM dossier_documents dd WHERE dd.dossier_id = d.id)::int AS documents,
                    (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id)::int AS events,
                    (SELECT count(*) FROM outbox o WHERE o.dedupe_key LIKE 'dossier:' || d.id || ':%')::int AS outbox,
                    (SELECT count(*) FROM audit_log a WHERE a.target_type = 'dossier' AND a.target_id = d.id::text)::int AS audit
             FROM dossiers d WHERE d.code = $1`,
            [code],
          );
          return rows[0] ?? null;
        } finally {
          await c.end();
        }
      };
      check = {
        ...check,
        dossiers: {
          procedure: PROCEDURE,
          requiredDocuments: f.requiredKeys,
          fileId: f.fileId,
          tokens: f.tokens.length,
          lookupCodes: f.codes.length,
          statusSameDossier: xs.status === 200 && bs.status === 200 && gist(xs.body) === gist(bs.body),
          statusBytes: xs.bytes,
          submitStatus: viaApp.status,
          bareSubmitStatus: viaBare.status,
          rowsPerSubmission: await writes(viaApp.body.code),
          rowsPerBareSubmission: await writes(viaBare.body.code),
          bareDossierReadableByXaso: readBack?.status === 200,
        },
      };
      const d = check.dossiers!;
      if (
        !d.statusSameDossier ||
        viaApp.status !== 201 ||
        viaBare.status !== 201 ||
        !d.bareDossierReadableByXaso ||
        JSON.stringify(d.rowsPerSubmission) !== JSON.stringify(d.rowsPerBareSubmission)
      ) {
        throw new Error(
          `the dossier baselines do not match XãSố: ${JSON.stringify({ check: d, xaso: xs.body, bare: bs.body, submit: viaApp.body, bareSubmit: viaBare.body })}`,
        );
      }
      log(
        `status look-up of ${f.codes[0]}: XãSố and the bare route read the same dossier; a submission writes ${JSON.stringify(d.rowsPerSubmission)} rows both ways`,
      );
    }
    let sqlTrace: Report["sqlTrace"];
    if (opts.traceSql && fixture && bareDossiers) {
      sqlTrace = await traceSql(opts.traceSql, fixture, [
        { name: "XãSố", server: app, base: appBase, status: "/api/v1/status", submit: "/api/v1/dossiers", trace: path.join(tmp, "sql-xaso.json") },
        { name: "bare", server: bareDossiers, base: bareDossiersBase, status: "/status", submit: "/dossiers", trace: path.join(tmp, "sql-bare-dossiers.json") },
      ]);
    }
    await sleep(opts.settleS * 1000);

    // ---- load -------------------------------------------------------------------------------------------------
    type Step = { id: Scenario["id"]; label: string; server: Ready; url: string; request?: RequestSpec; countsDossiers?: boolean };
    const plan: Step[] = [];
    if (web && constant && bare) {
      plan.push(
        { id: "d", label: "bare pg: 1 query, same rows (Hono + pg)", server: bare, url: `${bareBase}/units` },
        { id: "d2", label: "bare pg: XãSố search SQL (Hono + pg)", server: bare, url: `${bareBase}/search-sql` },
        { id: "a", label: `XãSố GET ${searchPath}`, server: app, url: appBase + searchPath },
        { id: "c", label: "Hono constant (same framework)", server: constant, url: `${constBase}/` },
        { id: "b", label: "XãSố GET /", server: app, url: `${appBase}/` },
      );
    }
    if (fixture && bareDossiers) {
      // A fresh RequestSpec per step: each keeps its own counter, so no Idempotency-Key is ever sent twice.
      plan.push(
        { id: "f", label: "bare pg: status SELECTs (Hono + pg)", server: bareDossiers, url: `${bareDossiersBase}/status`, request: statusRequest(fixture) },
        { id: "e", label: "XãSố POST /api/v1/status", server: app, url: `${appBase}/api/v1/status`, request: statusRequest(fixture) },
        {
          id: "h",
          label: "bare pg: submission INSERTs, 1 tx (Hono + pg)",
          server: bareDossiers,
          url: `${bareDossiersBase}/dossiers`,
          request: submitRequest(fixture),
          countsDossiers: true,
        },
        {
          id: "g",
          label: "XãSố POST /api/v1/dossiers (submit)",
          server: app,
          url: `${appBase}/api/v1/dossiers`,
          request: submitRequest(fixture),
          countsDossiers: true,
        },
      );
    }
    // Counts the dossiers in the database around each submission window: the rate the rows really arrive at.
    const counter = new pg.Client({ connectionString: pgUrl, application_name: "xaso-bench-count" });
    await counter.connect();
    cleanups.push(() => counter.end());
    const dossierCount = async () => (await counter.query<{ n: number }>("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n;
    const snapshot = async (server: Ready) => {
      const pgNow = await pgPids();
      return { server: cpuSnapshot([server.pid]), pg: cpuSnapshot(pgNow), ours: cpuSnapshot([...servers.map((x) => x.pid), ...pgNow]) };
    };
    const all: Scenario[] = [];
    for (let round = 1; round <= opts.rounds; round++)
      for (const s of plan) {
        if (interrupted) return;
        for (const srv of servers) {
          const gone = srv.exitInfo();
          if (gone) throw new Error(`the ${srv.name} server exited during the run (${JSON.stringify(gone)}); its log: ${srv.logFile}`);
        }
        const quiet = await waitForQuiet(opts.quietWaitS);
        if (quiet.busyPct >= 10) log(`   the machine is still busy (${quiet.busyPct.toFixed(0)} % CPU) after waiting ${quiet.waitedS} s; measuring anyway`);
        else if (quiet.waitedS > 0) log(`   waited ${quiet.waitedS} s for other jobs on the machine to calm down`);
        log(
          `${opts.rounds > 1 ? `round ${round}/${opts.rounds} ` : ""}${s.id}: ${s.label} — ${opts.warmupS} s warm-up + ${opts.durationS} s, ${opts.connections} connections`,
        );
        type Cpu = { server: Map<number, number>; pg: Map<number, number>; ours: Map<number, number> };
        let before: Cpu | null = null;
        let after: Cpu | null = null;
        let rowsBefore = 0;
        let rowsAfter = 0;
        const r: LoadResult = await measure({
          url: s.url,
          request: s.request,
          connections: opts.connections,
          durationS: opts.durationS,
          warmupS: opts.warmupS,
          onMeasureStart: async () => {
            if (s.countsDossiers) rowsBefore = await dossierCount();
            before = await snapshot(s.server);
          },
          onMeasureEnd: async () => {
            after = await snapshot(s.server);
            if (s.countsDossiers) rowsAfter = await dossierCount();
          },
        });
        const b = before as unknown as Cpu;
        const a = after as unknown as Cpu;
        const perReq = (ms: number) => (r.ok ? (ms * 1000) / r.ok : NaN);
        // Whatever the machine did besides our servers, PostgreSQL and this process (other users' jobs, the kernel's own threads).
        const capacityMs = r.durationS * 1000 * os.availableParallelism();
        const otherMs = r.machineBusyMs - cpuDelta(b.ours, a.ours) - r.loadgenCpuMs;
        const scenario: Scenario = {
          id: s.id,
          label: s.label,
          round,
          ...r,
          cpuUsPerRequest: { server: perReq(cpuDelta(b.server, a.server)), postgres: perReq(cpuDelta(b.pg, a.pg)), loadgen: perReq(r.loadgenCpuMs) },
          quietBefore: quiet,
          machineCpuPct: {
            busy: (100 * r.machineBusyMs) / capacityMs,
            other: Math.max(0, (100 * otherMs) / capacityMs),
            steal: (100 * r.machineStealMs) / capacityMs,
          },
          ...(s.countsDossiers ? { dossiersInserted: rowsAfter - rowsBefore } : {}),
        };
        all.push(scenario);
        const failed = r.non2xx + r.errors;
        if (r.ok === 0 || failed > 0.001 * (r.ok + failed)) {
          throw new Error(
            `${s.id}: ${failed} failed requests (non-2xx ${r.non2xx}, connection errors ${r.errors}) against ${r.ok} good ones; the figures would be meaningless. Logs: ${logs}`,
          );
        }
        if (s.countsDossiers && scenario.dossiersInserted! < r.ok) {
          throw new Error(`${s.id}: ${r.ok} submissions answered 2xx but only ${scenario.dossiersInserted} dossiers were inserted: replays?`);
        }
        log(
          `   ${r.rps.toFixed(0)} req/s, p50 ${r.latencyMs.p50.toFixed(2)} ms, p99 ${r.latencyMs.p99.toFixed(2)} ms, non-2xx ${r.non2xx}, errors ${r.errors}; machine CPU ${scenario.machineCpuPct.busy.toFixed(0)} % busy, ${scenario.machineCpuPct.other.toFixed(0)} % not ours`,
        );
      }

    // With several rounds, each scenario is represented by its round of median throughput (all rounds stay in the JSON).
    const scenarios = plan.map((p) => {
      const runs = all.filter((x) => x.id === p.id).sort((x, y) => x.rps - y.rps);
      const chosen = runs[Math.floor((runs.length - 1) / 2)]!;
      return { ...chosen, rpsRange: [runs[0]!.rps, runs[runs.length - 1]!.rps] as [number, number] };
    });

    const afterLoadMemory = { node: nodeMem(app.pid), postgres: embeddedPg() };
    const baselineMemory = {
      constantNodeRssKb: constant ? rssKb(constant.pid) : null,
      barePgNodeRssKb: bare ? rssKb(bare.pid) : null,
      bareDossiersNodeRssKb: bareDossiers ? rssKb(bareDossiers.pid) : null,
      ...idleBaselines,
    };

    const report: Report = {
      version: 1,
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: machine(),
      options: opts,
      engine: opts.engine,
      startup: { first: firstStartup, second: secondStartup },
      memory: { idle: idleMemory, afterLoad: afterLoadMemory, baselines: baselineMemory },
      vacuumMs,
      homePageBytes: homeBytes,
      check,
      ...(sqlTrace ? { sqlTrace } : {}),
      scenarios,
      allRounds: opts.rounds > 1 ? all : undefined,
      ratios: {
        searchVsBarePg: ratio(all, "a", "d"),
        searchVsSearchSql: ratio(all, "a", "d2"),
        homeVsConstant: ratio(all, "b", "c"),
        statusVsBare: ratio(all, "e", "f"),
        submitVsBare: ratio(all, "g", "h"),
      },
    };
    const out = path.join(REPO_ROOT, "bench", "results");
    await mkdir(out, { recursive: true });
    const json = `${JSON.stringify(report, (_k, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v), 2)}\n`;
    await writeFile(path.join(out, "latest.json"), json);
    await writeFile(path.join(out, `latest-${opts.engine}.json`), json);
    printReport(report);
    process.stdout.write(`\nWritten: bench/results/latest.json and bench/results/latest-${opts.engine}.json\n`);
  } catch (err) {
    opts.keep = true; // leave the logs for a look
    throw err;
  } finally {
    await cleanup();
  }
}

/**
 * Diagnostics (--trace-sql=N): N look-ups, then N submissions, one at a time (no queueing anywhere), to each server;
 * after each batch the server's preloaded sql-trace writes what it sent. Prints statements per request and mean ms.
 */
async function traceSql(
  n: number,
  f: DossierFixture,
  targets: { name: string; server: Ready; base: string; status: string; submit: string; trace: string }[],
): Promise<NonNullable<Report["sqlTrace"]>> {
  const out: NonNullable<Report["sqlTrace"]> = [];
  const dump = async (t: (typeof targets)[number]) => {
    await rm(t.trace, { force: true });
    process.kill(t.server.pid, "SIGUSR2");
    for (let i = 0; i < 100 && !existsSync(t.trace); i++) await sleep(20);
    return JSON.parse(readFileSync(t.trace, "utf8")) as { sql: string; n: number; ms: number; maxMs: number }[];
  };
  for (const t of targets) {
    for (const kind of ["status", "submit"] as const) {
      await dump(t); // start from zero
      const spec = kind === "status" ? statusRequest(f) : submitRequest(f);
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const next = spec.next!();
        const res = await fetch(t.base + t[kind], {
          method: "POST",
          headers: { ...spec.headers, ...next.headers },
          body: next.body ?? spec.body,
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        if (res.status >= 300) throw new Error(`trace: ${t.name} ${kind} answered ${res.status}`);
      }
      const wallMs = (performance.now() - t0) / n;
      const stmts = await dump(t);
      const perRequest = stmts.reduce((a, s) => a + s.n, 0) / n;
      const sqlMs = stmts.reduce((a, s) => a + s.ms, 0) / n;
      out.push({
        server: t.name,
        kind,
        requests: n,
        wallMsPerRequest: wallMs,
        statementsPerRequest: perRequest,
        sqlMsPerRequest: sqlMs,
        statements: stmts.map((s) => ({ ...s, perRequest: s.n / n, meanMs: s.ms / s.n })),
      });
      process.stdout.write(
        `\n${t.name} ${kind}: ${n} requests one at a time, ${wallMs.toFixed(2)} ms each; ${perRequest.toFixed(1)} statements and ${sqlMs.toFixed(2)} ms waiting for pg per request\n`,
      );
      for (const s of stmts)
        process.stdout.write(`  ${(s.n / n).toFixed(2).padStart(5)} × ${(s.ms / s.n).toFixed(3).padStart(7)} ms (max ${s.maxMs.toFixed(1)})  ${s.sql}\n`);
    }
  }
  return out;
}

/**
 * XãSố / baseline. Each round's pair ran back to back, so the ratio is taken within a round; with several rounds
 * the median of the per-round ratios is reported (a round the whole machine ran slower then cancels out).
 */
function ratio(all: Scenario[], x: Scenario["id"], base: Scenario["id"]) {
  const perRound: { rps: number; p50: number; p99: number }[] = [];
  for (const a of all.filter((s) => s.id === x)) {
    const b = all.find((s) => s.id === base && s.round === a.round);
    if (b) perRound.push({ rps: a.rps / b.rps, p50: a.latencyMs.p50 / b.latencyMs.p50, p99: a.latencyMs.p99 / b.latencyMs.p99 });
  }
  if (perRound.length === 0) return null;
  const median = (v: number[]) => {
    const sorted = v.slice().sort((p, q) => p - q);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  return { rps: median(perRound.map((r) => r.rps)), p50: median(perRound.map((r) => r.p50)), p99: median(perRound.map((r) => r.p99)) };
}

let opts: BenchOptions | "help";
try {
  opts = parseOptions(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (opts === "help") {
  process.stdout.write(`${USAGE}\n`);
} else {
  if (!existsSync("/proc/self/status")) throw new Error("the benchmark reads /proc: Linux only");
  if (opts.suite === "coverage") await runCoverageSuite(opts);
  else if (opts.suite === "indicators") await runIndicatorsSuite(opts);
  else if (opts.suite === "reports-public") await runReportsPublicSuite(opts);
  else await main(opts);
  process.exit(0);
}
