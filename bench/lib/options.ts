// Command-line options of `npm run bench -- …`.
import { parseArgs } from "node:util";

export type BenchOptions = {
  engine: "embedded" | "system";
  systemUrl: string;
  connections: number;
  durationS: number;
  warmupS: number;
  poolSize: number;
  logLevel: string;
  query: string;
  settleS: number;
  quietWaitS: number;
  rounds: number;
  skipVacuum: boolean;
  keep: boolean;
  /** Which scenarios: "web" (search and home page, #2), "dossiers" (status look-ups and submissions, #3), or both. */
  suite: "all" | "web" | "dossiers" | "field-sync" | "coverage" | "reports-public" | "reports-submit" | "notice-fan-out" | "indicators";
  /** API tokens the submissions take in turn (all the demo citizen's). */
  tokens: number;
  /** Dossiers filed before the load, whose codes the status look-ups take in turn. */
  lookupCodes: number;
  /** Diagnostics: count and time every SQL statement of N sequential look-ups and submissions (0: off). */
  traceSql: number;
  /** Diagnostics: write a V8 CPU profile of the XãSố server (node --cpu-prof) into this directory. */
  cpuProf: string | null;
  /** How the XãSố server runs: compiled dist/main.js as `npm start` does (default), or src/main.ts through tsx. */
  server: "compiled" | "tsx";
};

export const USAGE = `Usage: npm run bench -- [options]
  --engine=embedded|system  embedded PostgreSQL in a temp DATA_DIR (default), or the system server
  --system-url=URL          admin URL of the system server (default postgres://postgres@127.0.0.1:5432/postgres)
  --connections=N           concurrent HTTP connections (default 50)
  --duration=S              measured seconds per scenario (default 10)
  --warmup=S                warm-up seconds per scenario, not measured (default 3)
  --rounds=N                run the five scenarios N times, report each one's median-throughput round (default 1)
  --pool=N                  pg pool size of XãSố (DATABASE_POOL_SIZE) and of the bare-pg baseline (default 10)
  --log-level=L             LOG_LEVEL of the XãSố server (default info, as shipped)
  --query=TEXT              search text (default "gia phu")
  --settle=S                idle seconds between the second start and the memory reading (default 3)
  --quiet-wait=S            before each scenario, wait up to S s for the machine to be < 10 % busy (default 60)
  --skip-vacuum             no VACUUM ANALYZE before the load: measure the database as the import leaves it
  --keep                    keep the temp directory (logs, data) instead of deleting it
  --suite=all|web|dossiers|field-sync|coverage|reports-public|reports-submit|notice-fan-out|indicators
                            web: search and home page with their baselines (a)–(d2); dossiers: status look-ups and
                            submissions with their baselines (e)–(h); all: both (default); field-sync: a batch of 500
                            visits and the 200-household snapshot, in process, next to bare INSERTs (--engine=system);
                            coverage: a generated province of 500,000 households and a village of 500, next to bare SQL
                            (system engine only); reports-public: a commune of 20,000 citizen reports, its public list
                            and map GeoJSON next to their bare SQL (system engine only); reports-submit: citizen reports sent with a 200 KB photo per second,
                            next to a bare Hono parse and a bare pg INSERT of the same bytes (system engine only);
                            notice-fan-out: one notice to 100,000 residents, time to queue and outbox drain next to
                            bare SQL, peak RSS (system engine only)
  --tokens=N                API tokens of the demo citizen that the submissions take in turn (default 1)
  --lookup-codes=N          dossiers filed before the load for the status look-ups to read (default 200)
  --trace-sql=N             diagnostics: before the load, send N look-ups and N submissions one at a time to XãSố and
                            to the bare baseline, and print every SQL statement they sent, per request, with its time
  --cpu-prof=DIR            diagnostics: run the XãSố server under node --cpu-prof, writing the profile into DIR
  --server=compiled|tsx     the XãSố server as npm start runs it, dist/main.js (default; built first if needed),
                            or src/main.ts through tsx (as before the build step)`;

function int(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      engine: { type: "string" },
      "system-url": { type: "string" },
      connections: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      pool: { type: "string" },
      "log-level": { type: "string" },
      query: { type: "string" },
      settle: { type: "string" },
      "quiet-wait": { type: "string" },
      rounds: { type: "string" },
      "skip-vacuum": { type: "boolean" },
      keep: { type: "boolean" },
      suite: { type: "string" },
      tokens: { type: "string" },
      "lookup-codes": { type: "string" },
      "trace-sql": { type: "string" },
      "cpu-prof": { type: "string" },
      server: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const engine = values.engine ?? "embedded";
  if (engine !== "embedded" && engine !== "system") throw new Error("--engine must be embedded or system");
  const logLevel = values["log-level"] ?? "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel))
    throw new Error("--log-level: fatal|error|warn|info|debug|trace|silent");
  const SUITES = ["all", "web", "dossiers", "field-sync", "coverage", "reports-public", "reports-submit", "notice-fan-out", "indicators"] as const;
  const suite = (values.suite ?? "all") as (typeof SUITES)[number];
  if (!SUITES.includes(suite)) throw new Error(`--suite must be one of ${SUITES.join(", ")}`);
  const server = values.server ?? "compiled";
  if (server !== "compiled" && server !== "tsx") throw new Error("--server must be compiled or tsx");
  return {
    engine,
    suite,
    server,
    tokens: int("tokens", values.tokens, 1, 1, 1000),
    traceSql: int("trace-sql", values["trace-sql"], 0, 0, 10_000),
    cpuProf: values["cpu-prof"] ?? null,
    lookupCodes: int("lookup-codes", values["lookup-codes"], 200, 1, 10_000),
    systemUrl: values["system-url"] ?? "postgres://postgres@127.0.0.1:5432/postgres",
    connections: int("connections", values.connections, 50, 1, 1000),
    durationS: int("duration", values.duration, 10, 1, 120),
    warmupS: int("warmup", values.warmup, 3, 0, 60),
    poolSize: int("pool", values.pool, 10, 1, 200),
    logLevel,
    query: values.query ?? "gia phu",
    settleS: int("settle", values.settle, 3, 0, 60),
    quietWaitS: int("quiet-wait", values["quiet-wait"], 60, 0, 600),
    rounds: int("rounds", values.rounds, 1, 1, 5),
    skipVacuum: values["skip-vacuum"] ?? false,
    keep: values.keep ?? false,
  };
}
