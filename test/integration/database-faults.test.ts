// The real server (a child process) under write load while its database connections are terminated again and
// again, then while its database refuses every connection for a moment: the process must stay up, answer 503
// (never 500) while it cannot write, report /readyz 503 then 200, and every write it acknowledged must be stored.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { wireDeps } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { createApiToken } from "../../src/modules/identity/index.ts";
import { sealAudit, verifyAudit } from "../../src/platform/audit/index.ts";
import { createDatabase, type Database } from "../../src/platform/db/database.ts";
import { acting } from "../support/dossier-factories.ts";
import { freePort } from "../support/engines.ts";
import { buildUser, GIA_PHU } from "../support/factories.ts";
import { TEST_ENV } from "../support/test-app.ts";
import { createTestDatabase, describeDb, engine, type TestDatabase } from "../support/test-db.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WRITERS = 6;
const ROUNDS = 8;

/** Polls a condition until it holds or the deadline passes. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

type Answer = { status: number; retryAfter: string | null; name: string; code?: string };

describeDb("a dropped database connection under load", () => {
  let t: TestDatabase;
  let check: Database;
  let admin: pg.Client;
  let token: string;
  let child: ChildProcess;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  const output: string[] = [];
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const deps = wireDeps(loadConfig(TEST_ENV), t.db, pino({ level: "silent" }));
    const officer = await acting(deps, await buildUser(deps, { roles: [["commune_admin", GIA_PHU]] }));
    ({ token } = await createApiToken(deps, officer, { name: "fault test", role: "commune_admin", adminUnitCode: GIA_PHU, expiresInDays: 1 }));
    // Read-back and fault injection under names of their own, so that only the server's connections are cut.
    check = createDatabase(t.url, { max: 2, applicationName: "xaso-fault-check" });
    admin = new pg.Client({ connectionString: engine().adminUrl, application_name: "xaso-fault-admin" });
    await admin.connect();

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/root",
        ...TEST_ENV,
        LOG_LEVEL: "info",
        SEED_DEMO: "false",
        DATABASE_URL: t.url,
        HOST: "127.0.0.1",
        PORT: String(port),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    createInterface({ input: child.stdout! }).on("line", (line) => output.push(line));
    child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    await until("the server listens", () => output.some((l) => l.includes('"msg":"XãSố is listening"')) || child.exitCode !== null, 60_000);
    expect(child.exitCode, output.join("\n")).toBeNull();
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
    if (admin) {
      await admin.query(`ALTER DATABASE ${t.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
    }
    await check?.close();
    await t?.drop();
  });

  const alive = () => child.exitCode === null && child.signalCode === null;
  /** Like until(), but fails at once, with the server's output, if the server has died meanwhile. */
  const whileServing = (what: string, check: () => boolean | Promise<boolean>) =>
    until(what, async () => {
      if (!alive()) throw new Error(`the server exited (code ${child.exitCode}, signal ${child.signalCode}) before ${what}:\n${output.slice(-40).join("\n")}`);
      return check();
    });
  /** Terminates every connection the server holds to its database; returns how many there were. */
  const terminateServerConnections = async () =>
    (
      await admin.query<{ n: number }>(
        // The pids are chosen first (MATERIALIZED): a filter in the same WHERE may be evaluated after the terminate.
        `WITH server AS MATERIALIZED (
           SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'xaso' AND pid <> pg_backend_pid()
         )
         SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM server`,
        [t.name],
      )
    ).rows[0]!.n;
  const readyz = async () => (await fetch(`${base}/readyz`)).status;

  it("stays up, answers 503 and never 500 while it cannot write, reports /readyz 503 then 200, and loses no acknowledged write", {
    timeout: 120_000,
  }, async () => {
    const answers: Answer[] = [];
    const acknowledged = () => answers.filter((a) => a.status === 201).length;
    let stop = false;
    let seq = 0;
    const writer = async () => {
      while (!stop) {
        const name = `Sự cố ${++seq}`;
        let answer: Answer = { status: 0, retryAfter: null, name };
        try {
          const res = await fetch(`${base}/api/v1/admin-units/${GIA_PHU}/villages`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ name, unitType: "Thôn" }),
          });
          const body = (await res.json()) as { code?: string };
          answer = { status: res.status, retryAfter: res.headers.get("retry-after"), name, code: body.code };
        } catch {
          // No answer at all (status 0): the server is gone; the checks below say so with its output.
        }
        answers.push(answer);
        // Paces a refused writer, so that an unreachable database does not become a busy loop.
        if (answer.status !== 201) await new Promise((r) => setTimeout(r, 20));
      }
    };
    const load = Promise.all(Array.from({ length: WRITERS }, writer));
    try {
      await whileServing("the first writes are acknowledged", () => acknowledged() >= WRITERS);

      // 1. Connections cut again and again under load: the pool replaces them, the writes go on.
      let terminated = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const before = acknowledged();
        terminated += await terminateServerConnections();
        await whileServing(`writes are acknowledged again after round ${round + 1}`, () => acknowledged() >= before + 3);
        expect(alive(), output.join("\n")).toBe(true);
      }
      expect(terminated).toBeGreaterThan(0);

      // 2. The database refuses every connection for a moment: not ready, and writes answer 503 with Retry-After.
      await admin.query(`ALTER DATABASE ${t.name} ALLOW_CONNECTIONS false`);
      await terminateServerConnections();
      await whileServing("/readyz answers 503", async () => (await readyz()) === 503);
      const refusedFrom = answers.length;
      await whileServing("a write is refused while the database is unreachable", () => answers.slice(refusedFrom).some((a) => a.status === 503));
      expect(alive(), output.join("\n")).toBe(true);

      // 3. The database is back: ready again, and the writes go on without a restart.
      await admin.query(`ALTER DATABASE ${t.name} ALLOW_CONNECTIONS true`);
      await whileServing("/readyz answers 200", async () => (await readyz()) === 200);
      const back = acknowledged();
      await whileServing("writes are acknowledged after the database came back", () => acknowledged() >= back + WRITERS);
    } finally {
      stop = true;
      await load;
    }
    expect(alive(), output.join("\n")).toBe(true);

    // Only two answers are possible: done (201) or "unavailable, try again" (503 with Retry-After), never a 500.
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201, 503]));
    for (const a of answers.filter((x) => x.status === 503)) expect(a.retryAfter).toBe("5");

    // Every acknowledged write is stored, under the code the server answered with.
    const acked = answers.filter((a) => a.status === 201);
    const { rows } = await check.query<{ code: string; name: string }>("SELECT code, name FROM admin_units WHERE parent_code = $1 AND level = 'village'", [
      GIA_PHU,
    ]);
    const stored = new Map(rows.map((r) => [r.code, r.name]));
    const missing = acked.filter((a) => stored.get(a.code!) !== a.name);
    expect(missing).toEqual([]);
    expect(acked.length).toBeGreaterThan(ROUNDS * 3);
    // Each with its audit entry (same transaction), and the hash chain intact after the sealer's interrupted runs.
    const audited = await check.query<{ target_id: string }>("SELECT target_id FROM audit_log WHERE action = 'village.created' AND admin_unit_code = $1", [
      GIA_PHU,
    ]);
    const auditedCodes = new Set(audited.rows.map((r) => r.target_id));
    expect(acked.filter((a) => !auditedCodes.has(a.code!))).toEqual([]);
    await sealAudit(check);
    expect((await verifyAudit(check)).ok).toBe(true);
    expect(output.some((l) => l.includes('"msg":"database connection lost"'))).toBe(true);

    // And it still stops cleanly.
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});
