// Starts a server under test as a child process (node + tsx loader, no npm/tsx wrapper process), waits until it
// says it is ready, and stops it. Its stdout/stderr go to a log file, so the load generator never reads them.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type ExitInfo = { code: number | null; signal: string | null };
export type Ready = {
  name: string;
  pid: number;
  proc: ChildProcess;
  spawnToReadyMs: number;
  readyLine: string | null;
  logFile: string;
  /** null while the process runs. */
  exitInfo(): ExitInfo | null;
  stop(): Promise<number | null>;
};

export { freePort } from "../../test/support/engines.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(500) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Spawns `node --import tsx <script>` (or plain node for compiled JavaScript) in the repository root. Ready when `readyText` appears in its output
 * (polled every 5 ms) or, when readyText is null, when `probeUrl` answers 200 (polled every 10 ms).
 */
export async function startChild(opts: {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyText: string | null;
  probeUrl?: string;
  timeoutMs: number;
  /** More node options before the script (e.g. --cpu-prof, or --import of bench/lib/sql-trace.ts). */
  nodeArgs?: string[];
  /** Load the script through tsx (default); false for compiled JavaScript (dist/main.js). */
  tsx?: boolean;
}): Promise<Ready> {
  const fd = openSync(opts.logFile, "a");
  const startedAt = performance.now();
  const loader = opts.tsx === false ? [] : ["--import", "tsx"];
  const proc = spawn(process.execPath, [...loader, ...(opts.nodeArgs ?? []), opts.script], {
    cwd: REPO_ROOT,
    env: opts.env,
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  let exited: ExitInfo | null = null;
  const exitPromise = new Promise<number | null>((resolve) =>
    proc.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve(code);
    }),
  );
  const stop = async (): Promise<number | null> => {
    if (exited) return exited.code;
    proc.kill("SIGTERM");
    const timer = sleep(20_000).then(() => "timeout" as const);
    if ((await Promise.race([exitPromise, timer])) === "timeout") {
      process.stderr.write(`${opts.name}: no exit 20 s after SIGTERM; sending SIGKILL\n`);
      proc.kill("SIGKILL");
      await Promise.race([exitPromise, sleep(5_000)]);
    }
    return exited ? (exited as ExitInfo).code : null;
  };

  const deadline = startedAt + opts.timeoutMs;
  const pollMs = opts.readyText ? 5 : 10;
  const maxPolls = Math.ceil(opts.timeoutMs / pollMs) + 1;
  for (let i = 0; i < maxPolls && performance.now() < deadline; i++) {
    if (exited) break;
    if (opts.readyText) {
      const text = readFileSync(opts.logFile, "utf8");
      const at = text.indexOf(opts.readyText);
      if (at >= 0) {
        const spawnToReadyMs = performance.now() - startedAt;
        const lineStart = text.lastIndexOf("\n", at) + 1;
        const lineEnd = text.indexOf("\n", at);
        const readyLine = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
        return { name: opts.name, pid: proc.pid!, proc, spawnToReadyMs, readyLine, logFile: opts.logFile, exitInfo: () => exited, stop };
      }
    } else if (opts.probeUrl && (await httpOk(opts.probeUrl))) {
      return {
        name: opts.name,
        pid: proc.pid!,
        proc,
        spawnToReadyMs: performance.now() - startedAt,
        readyLine: null,
        logFile: opts.logFile,
        exitInfo: () => exited,
        stop,
      };
    }
    await sleep(pollMs);
  }
  await stop();
  const why = exited ? `exited (${JSON.stringify(exited)})` : `not ready after ${opts.timeoutMs} ms`;
  throw new Error(`${opts.name} ${why}. Last lines of ${opts.logFile}:\n${tail(opts.logFile)}`);
}
