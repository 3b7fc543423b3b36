// The result of one `npm run bench` (also written as JSON) and its printed table.
import type { LoadResult } from "./load.ts";
import type { BenchOptions } from "./options.ts";
import type { MemorySum } from "./procfs.ts";

export type Scenario = LoadResult & {
  id: "a" | "b" | "c" | "d" | "d2" | "e" | "f" | "g" | "h";
  label: string;
  /** 1-based round; with --rounds=N the table shows each scenario's round of median req/s, and rpsRange spans all rounds. */
  round: number;
  rpsRange?: [number, number];
  /** CPU time per successful request: the server's node process, all PostgreSQL processes, this load generator. */
  cpuUsPerRequest: { server: number; postgres: number; loadgen: number };
  /** Share of all CPUs during the measured run: busy in total, busy outside our processes (noise), stolen by the hypervisor. */
  machineCpuPct: { busy: number; other: number; steal: number };
  /** How long the run waited for the machine to be quiet before this scenario, and how busy it was then. */
  quietBefore: { waitedS: number; busyPct: number };
  /** Submissions only: dossier rows the database gained during the measured window (a check that none was a replay). */
  dossiersInserted?: number;
};

type Ratio = { rps: number; p50: number; p99: number } | null;
type NodeMemory = { rssKb: number | null; pssKb: number | null };
type Startup = { spawnToListeningMs: number; inProcessMs: number | null; machineBusyPctBefore: number };

export type Report = {
  version: 1;
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: { nproc: number; cpuModel: string; memTotalMiB: number; kernel: string; node: string; gitHead: string | null };
  options: BenchOptions;
  engine: "embedded" | "system";
  startup: { first: Startup; second: Startup };
  memory: {
    idle: { node: NodeMemory; postgres: MemorySum | null };
    afterLoad: { node: NodeMemory; postgres: MemorySum | null };
    baselines: Record<string, number | null>;
  };
  /** Time of the VACUUM ANALYZE run before the load, or null with --skip-vacuum. */
  vacuumMs: number | null;
  homePageBytes: number | null;
  check: {
    query?: string;
    codes?: string[];
    barePgSameRows?: boolean;
    searchSqlSameRows?: boolean;
    dossiers?: {
      procedure: string;
      requiredDocuments: string[];
      fileId: string;
      tokens: number;
      lookupCodes: number;
      statusSameDossier: boolean;
      statusBytes: number;
      submitStatus: number;
      bareSubmitStatus: number;
      rowsPerSubmission: Record<string, number> | null;
      rowsPerBareSubmission: Record<string, number> | null;
      bareDossierReadableByXaso: boolean;
    };
  };
  /** --trace-sql: statements per request, one request at a time. */
  sqlTrace?: {
    server: string;
    kind: "status" | "submit";
    requests: number;
    wallMsPerRequest: number;
    statementsPerRequest: number;
    sqlMsPerRequest: number;
    statements: { sql: string; n: number; ms: number; maxMs: number; perRequest: number; meanMs: number }[];
  }[];
  scenarios: Scenario[];
  allRounds?: Scenario[];
  ratios: { searchVsBarePg: Ratio; searchVsSearchSql: Ratio; homeVsConstant: Ratio; statusVsBare: Ratio; submitVsBare: Ratio };
};

const f = (n: number | null | undefined, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? "n/a" : n.toFixed(digits));
const mib = (kb: number | null | undefined) => (kb === null || kb === undefined ? "n/a" : `${(kb / 1024).toFixed(1)} MiB`);

function table(rows: string[][], rightFrom = 1): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((cell, i) => (i >= rightFrom ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ")).join("\n");
}

export function printReport(r: Report) {
  const o = r.options;
  const out: string[] = [];
  out.push("");
  out.push(`XãSố benchmark — engine ${r.engine}; ${r.machine.nproc} CPUs (${r.machine.cpuModel}); node ${r.machine.node}`);
  out.push(
    `${o.connections} connections, ${o.warmupS} s warm-up + ${o.durationS} s measured per scenario${o.rounds > 1 ? ` × ${o.rounds} rounds (each row: the round of median req/s)` : ""}, pg pool ${o.poolSize}, LOG_LEVEL=${o.logLevel}`,
  );
  out.push(`command: ${r.command}`);
  out.push(
    r.vacuumMs === null
      ? "Database as left by the import: no VACUUM ANALYZE before the load (--skip-vacuum)."
      : `VACUUM ANALYZE before the load (${f(r.vacuumMs)} ms), as autovacuum would do about a minute after the import.`,
  );
  out.push("");
  const order: Scenario["id"][] = ["a", "d", "d2", "b", "c", "e", "f", "g", "h"];
  const multi = o.rounds > 1;
  const rows = [
    [
      "",
      "scenario",
      "req/s",
      ...(multi ? ["req/s range"] : []),
      "p50 ms",
      "p99 ms",
      "B/resp",
      "CPU µs/req: node",
      "pg",
      "loadgen",
      "other load %",
      "non-2xx",
      "errors",
    ],
  ];
  for (const id of order) {
    const s = r.scenarios.find((x) => x.id === id);
    if (!s) continue;
    const range = s.rpsRange ? `${f(s.rpsRange[0])}–${f(s.rpsRange[1])}` : "";
    rows.push([
      `(${s.id})`,
      s.label,
      f(s.rps),
      ...(multi ? [range] : []),
      f(s.latencyMs.p50, 2),
      f(s.latencyMs.p99, 2),
      f(s.bytesPerResponse),
      f(s.cpuUsPerRequest.server),
      f(s.cpuUsPerRequest.postgres),
      f(s.cpuUsPerRequest.loadgen),
      f(s.machineCpuPct.other),
      String(s.non2xx),
      String(s.errors),
    ]);
  }
  out.push(table(rows, 2));
  out.push("p50/p99: latency percentiles of every 2xx response in the measured window. B/resp: bytes on the wire, headers included.");
  out.push(
    `CPU µs/req: CPU time (/proc) per response of the server's node process, of PostgreSQL (${r.engine === "embedded" ? "all processes of the embedded server" : "the backends connected to the bench database"}) and of this load generator.`,
  );
  out.push("other load %: share of all CPUs busy outside the processes above during the window (other jobs on the machine): noise.");
  const noisy = r.scenarios.filter((s) => s.machineCpuPct.other > 10);
  if (noisy.length)
    out.push(`WARNING: other load above 10 % during ${noisy.map((s) => `(${s.id})`).join(", ")}; those figures are disturbed: run again on a quiet machine.`);
  out.push("");
  const ratioRows = [[o.rounds > 1 ? `XãSố / baseline (median of ${o.rounds} per-round ratios)` : "XãSố / baseline (same round)", "req/s", "p50", "p99"]];
  const add = (name: string, x: Ratio) => x && ratioRows.push([name, `${f(x.rps, 2)}×`, `${f(x.p50, 2)}×`, `${f(x.p99, 2)}×`]);
  add("(a) search / (d) bare pg", r.ratios.searchVsBarePg);
  add("(a) search / (d2) search SQL", r.ratios.searchVsSearchSql);
  add("(b) home / (c) constant", r.ratios.homeVsConstant);
  add("(e) status / (f) bare status SELECTs", r.ratios.statusVsBare);
  add("(g) submit / (h) bare submission INSERTs", r.ratios.submitVsBare);
  out.push(table(ratioRows));
  out.push("");
  out.push('Start-up (spawn → "XãSố is listening"; in brackets the startupMs the server logs, measured after its modules loaded):');
  const what = r.engine === "embedded" ? "empty DATA_DIR (initdb + migrations" : "empty database (migrations";
  out.push(`  first start, ${what} + admin units + demo data): ${f(r.startup.first.spawnToListeningMs)} ms [${f(r.startup.first.inProcessMs)} ms]`);
  out.push(`  second start, existing data: ${f(r.startup.second.spawnToListeningMs)} ms [${f(r.startup.second.inProcessMs)} ms]`);
  const pgIdle = r.memory.idle.postgres;
  out.push(`Idle memory ${o.settleS} s after the second start:`);
  out.push(`  node RSS ${mib(r.memory.idle.node.rssKb)} (PSS ${mib(r.memory.idle.node.pssKb)})`);
  if (pgIdle) {
    out.push(
      `  embedded PostgreSQL: RSS sum ${mib(pgIdle.rssKb)} over ${pgIdle.processes} processes (PSS sum ${mib(pgIdle.pssKb)}; RSS counts shared memory once per process)`,
    );
    out.push(`  total RSS ${mib((r.memory.idle.node.rssKb ?? 0) + pgIdle.rssKb)}`);
  } else {
    out.push("  PostgreSQL: n/a (the system server is shared and not counted)");
  }
  const pgAfter = r.memory.afterLoad.postgres;
  out.push(
    `After the load: node RSS ${mib(r.memory.afterLoad.node.rssKb)}${pgAfter ? `, embedded PostgreSQL RSS sum ${mib(pgAfter.rssKb)} over ${pgAfter.processes} processes` : ""}`,
  );
  const bl = r.memory.baselines;
  out.push(
    `Baseline processes (node + tsx), RSS idle → after their load: constant ${mib(bl.idleConstantNodeRssKb)} → ${mib(bl.constantNodeRssKb)}, bare pg ${mib(bl.idleBarePgNodeRssKb)} → ${mib(bl.barePgNodeRssKb)}, bare dossiers ${mib(bl.idleBareDossiersNodeRssKb)} → ${mib(bl.bareDossiersNodeRssKb)}`,
  );
  if (r.check.codes)
    out.push(
      `Search "${r.check.query}" returned ${r.check.codes.length} row(s) (${r.check.codes.join(", ")}); the baselines returned the same rows. Home page: ${r.homePageBytes} bytes of HTML.`,
    );
  const d = r.check.dossiers;
  if (d) {
    out.push(
      `Dossiers: procedure ${d.procedure}, its required documents (${d.requiredDocuments.join(", ")}) all reference one uploaded PDF; ${d.tokens} API token(s) of the demo citizen; look-ups over ${d.lookupCodes} codes (${d.statusBytes} bytes of JSON).`,
    );
    out.push(
      `  Rows per submission, XãSố ${JSON.stringify(d.rowsPerSubmission)}, bare ${JSON.stringify(d.rowsPerBareSubmission)} (+1 dossier row, +1 counter update); the bare look-up reads the same dossier and steps.`,
    );
    for (const id of ["g", "h"] as const) {
      const s = r.scenarios.find((x) => x.id === id);
      if (s?.dossiersInserted !== undefined)
        out.push(`  (${id}) dossier rows inserted in the measured window: ${s.dossiersInserted} (${f(s.dossiersInserted / s.durationS)} dossiers/s)`);
    }
  }
  process.stdout.write(`${out.join("\n")}\n`);
}
