// The real server on the embedded PostgreSQL: first start with demo data, kill -9 (the database must
// stop on its own), restart on the same DATA_DIR (data kept), SIGTERM (clean stop). Embedded leg only.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMUNE, DEMO_VILLAGES } from "../../src/demo/seed-demo.ts";
import { isAlive as alive } from "../../src/platform/db/embedded-server.ts";
import { freePort } from "../support/engines.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const START_TIMEOUT = 120_000; // the first start runs initdb

/** Polls a condition until it holds or the deadline passes. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Server = {
  child: ChildProcess;
  pid: number;
  logs: Record<string, unknown>[];
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line whose msg matches, rejects if the process exits first or on timeout. */
  waitForLog(msg: string, timeoutMs: number): Promise<Record<string, unknown>>;
};

function startServer(env: Record<string, string>): Server {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const logs: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const listeners = new Set<() => void>();
  createInterface({ input: child.stdout! }).on("line", (line) => {
    raw.push(line);
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // not a log line
    }
    for (const l of listeners) l();
  });
  child.stderr!.on("data", (d: Buffer) => raw.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const output = () => raw.join("\n");
  return {
    child,
    pid: child.pid!,
    logs,
    output,
    exited,
    waitForLog(msg, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = logs.find((l) => l.msg === msg);
          if (hit) done(() => resolve(hit));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no "${msg}" log within ${timeoutMs} ms; output:\n${output()}`))), timeoutMs);
        const done = (fn: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          fn();
        };
        void exited.then(({ code, signal }) =>
          done(() => reject(new Error(`server exited (code ${code}, signal ${signal}) before "${msg}"; output:\n${output()}`))),
        );
        listeners.add(check);
        check();
      });
    },
  };
}

/** The real CLI, as an operator would run it on the same DATA_DIR (in English: the assertions match its wording). */
function runXaso(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/xaso.mjs", ...args], { cwd: ROOT, env: { ...env, XASO_LANG: "en" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, out, err }));
  });
}

async function postgresPid(dataDir: string): Promise<number> {
  const pid = Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
  expect(Number.isInteger(pid) && pid > 0).toBe(true);
  return pid;
}

async function villageNames(port: number): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/admin-units/${DEMO_COMMUNE}/children?limit=50`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: { name: string; level: string }[] };
  return body.items
    .filter((u) => u.level === "village")
    .map((u) => u.name)
    .sort();
}

describe.skipIf(process.env.XASO_TEST_ENGINE !== "embedded")("embedded PostgreSQL lifecycle with the real server", () => {
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;
  const started: Server[] = [];
  const postgresPids: number[] = [];
  const expectedVillages = DEMO_VILLAGES.map((v) => v.name).sort();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "xaso-lifecycle-"));
    // As root the embedded PostgreSQL runs as the `postgres` system user, which must reach DATA_DIR.
    await chmod(dataDir, 0o755);
    port = await freePort();
    env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/root",
      NODE_ENV: "development",
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: "info",
      SEED_DEMO: "true",
      SERVED_PROVINCES: "15",
    };
  });

  afterAll(async () => {
    // Whatever a failed assertion left behind: only the processes this test started.
    for (const s of started) if (alive(s.pid)) s.child.kill("SIGKILL");
    for (const pid of postgresPids) if (alive(pid)) process.kill(pid, "SIGINT");
    for (const pid of postgresPids) await until(`postgres ${pid} is gone`, () => !alive(pid), 30_000).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts on a fresh DATA_DIR and serves the demo data", { timeout: START_TIMEOUT + 30_000 }, async () => {
    const server = startServer(env);
    started.push(server);
    const listening = await server.waitForLog("XãSố is listening", START_TIMEOUT);
    expect(listening.engine).toBe("embedded");
    expect(server.logs.some((l) => l.msg === "demo data loaded")).toBe(true);
    postgresPids.push(await postgresPid(dataDir));
    expect(alive(postgresPids[0]!)).toBe(true);
    expect(await villageNames(port)).toEqual(expectedVillages);
  });

  it("refuses to run a command on the embedded database while the server uses it, without disturbing it", { timeout: 60_000 }, async () => {
    const r = await runXaso(["audit-verify"], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/in use by another XãSố process \(pid \d+\)/);
    expect(alive(postgresPids[0]!)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it("after kill -9 of XãSố, the embedded PostgreSQL stops on its own", { timeout: 60_000 }, async () => {
    const server = started[0]!;
    server.child.kill("SIGKILL");
    expect((await server.exited).signal).toBe("SIGKILL");
    const pg = postgresPids[0]!;
    await until(`the orphaned PostgreSQL (pid ${pg}) has exited`, () => !alive(pg), 30_000);
    // A clean shutdown removes the lock file: the next start needs no crash recovery.
    await until("postmaster.pid is removed", () => !existsSync(path.join(dataDir, "pg", "postmaster.pid")), 10_000);
  });

  it("starts again on the same DATA_DIR with the data kept", { timeout: START_TIMEOUT + 30_000 }, async () => {
    const server = startServer(env);
    started.push(server);
    await server.waitForLog("XãSố is listening", START_TIMEOUT);
    postgresPids.push(await postgresPid(dataDir));
    expect(server.logs.some((l) => l.msg === "demo data loaded")).toBe(false); // already there
    expect(server.logs.some((l) => l.msg === "official admin-unit list loaded")).toBe(false);
    expect(await villageNames(port)).toEqual(expectedVillages);
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/admin-units/${DEMO_COMMUNE}`);
    expect(((await me.json()) as { name: string }).name).toBe("Gia Phú");
  });

  it("stops cleanly on SIGTERM: exit code 0 and no PostgreSQL left", { timeout: 60_000 }, async () => {
    const server = started[1]!;
    const pg = postgresPids[1]!;
    server.child.kill("SIGTERM");
    const { code, signal } = await server.exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(server.logs.some((l) => l.msg === "stopped")).toBe(true);
    await until(`PostgreSQL (pid ${pg}) has exited`, () => !alive(pg), 5_000);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, "xaso.pid"))).toBe(false);
  });

  it("then runs CLI commands on the embedded database and stops it after each", { timeout: 120_000 }, async () => {
    const verify = await runXaso(["audit-verify"], env);
    expect(verify.err).not.toMatch(/failed/);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/Audit chain OK: \d+ entries checked/);
    const migrate = await runXaso(["migrate"], env);
    expect(migrate.code).toBe(0);
    expect(migrate.out).toMatch(/up to date/);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, "xaso.pid"))).toBe(false);
  });
});
