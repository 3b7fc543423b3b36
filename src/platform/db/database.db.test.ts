// A connection dropped under a checked-out client (a transaction in flight) must reject that transaction as
// "database unavailable" (503), roll it back, not reach the next request, and never end the process.
import { Hono } from "hono";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeDb, engine, type TestDatabase } from "../../../test/support/test-db.ts";
import { errorHandler, localeMiddleware, requestContext } from "../http/middleware.ts";
import type { AppEnv } from "../http/hono-env.ts";
import { coreEn as en } from "../i18n/catalogue.en.ts";
import { coreVi as vi } from "../i18n/catalogue.vi.ts";
import { createMetrics } from "../observability/metrics.ts";
import { createDatabase, type Database, DatabaseUnavailableError, isDatabaseUnavailable, type Queryable } from "./database.ts";

/** Polls a condition until it holds or the deadline passes. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeDb("database: a dropped connection", () => {
  let t: TestDatabase;
  let db: Database;
  let admin: pg.Client;
  const lostReported: Error[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.query("CREATE TABLE fault_probe (id int PRIMARY KEY)");
    // Its own pool, named so that only its connections are terminated.
    db = createDatabase(t.url, { max: 3, applicationName: "xaso-fault-unit", onConnectionLost: (err) => lostReported.push(err) });
    admin = new pg.Client(engine().adminUrl);
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.close();
    await t?.drop();
  });

  const pidOf = async (q: Queryable) => (await q.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  const terminate = (pid: number) => admin.query("SELECT pg_terminate_backend($1)", [pid]);
  const stored = async (id: number) => (await t.db.query("SELECT 1 FROM fault_probe WHERE id = $1", [id])).rowCount === 1;

  /** A write whose connection is terminated while the transaction waits between two statements. */
  const writeCutBetweenStatements = (id: number) =>
    db.tx(async (q) => {
      await q.query("INSERT INTO fault_probe (id) VALUES ($1)", [id]);
      await terminate(await pidOf(q));
      await q.query("INSERT INTO fault_probe (id) VALUES ($1)", [id + 1]);
    });

  it("rejects a transaction whose connection is terminated between statements, as unavailable, and commits none of it", async () => {
    const err = await writeCutBetweenStatements(100).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as DatabaseUnavailableError).code).toBe("57P01");
    expect(await stored(100)).toBe(false);
    // The lost connection is reported (the server logs it), possibly just after the transaction failed.
    await until("the lost connection is reported", async () => lostReported.some((e) => isDatabaseUnavailable(e)));
    // The pool opens a fresh connection: the next transaction commits.
    await db.tx((q) => q.query("INSERT INTO fault_probe (id) VALUES (200)"));
    expect(await stored(200)).toBe(true);
  });

  it("rejects a transaction whose statement is running when its connection is terminated", async () => {
    let pid = 0;
    const running = db.tx(async (q) => {
      pid = await pidOf(q);
      await q.query("INSERT INTO fault_probe (id) VALUES (300)");
      await q.query("SELECT pg_sleep(30)");
    });
    const outcome = running.then(
      () => null,
      (e: unknown) => e,
    );
    await until("the statement runs", async () => {
      const r = await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND query LIKE '%pg_sleep%' AND state = 'active'", [pid]);
      return r.rowCount === 1;
    });
    await terminate(pid);
    const err = await outcome;
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(await stored(300)).toBe(false);
    expect((await db.query<{ n: number }>("SELECT 1 AS n")).rows[0]?.n).toBe(1);
  });

  it("never hands the dropped connection to the next request: every connection of the pool answers afterwards", async () => {
    await expect(writeCutBetweenStatements(600)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    // The pool holds at most three: checking out three at once reaches every connection it kept.
    const clients = await Promise.all([db.pool.connect(), db.pool.connect(), db.pool.connect()]);
    try {
      const answers = await Promise.all(clients.map((c) => c.query<{ n: number }>("SELECT 1 AS n")));
      expect(answers.map((r) => r.rows[0]?.n)).toEqual([1, 1, 1]);
    } finally {
      for (const c of clients) c.release();
    }
  });

  it("leaves an ordinary SQL error as it is: not unavailable, its code kept, the connection reused", async () => {
    await db.query("INSERT INTO fault_probe (id) VALUES (400)");
    const err = await db
      .tx((q) => q.query("INSERT INTO fault_probe (id) VALUES (400)"))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect((err as { code?: string }).code).toBe("23505");
    const syntax = await db.query("SELEC 1").then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(syntax)).toBe(false);
  });

  it("answers 503 with Retry-After and a message in the request's language, for the API and for pages", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const app = new Hono<AppEnv>();
    app.use(requestContext(pino({ level: "silent" }), metrics));
    app.use(localeMiddleware());
    let next = 500;
    const write = async () => {
      const id = next++;
      await writeCutBetweenStatements(id);
      return id;
    };
    app.post("/api/v1/probe", async (c) => c.json({ id: await write() }, 201));
    app.post("/probe", async (c) => c.text(String(await write()), 201));
    app.onError(errorHandler(metrics, (c, status, title, detail) => c.html(`<h1>${title}</h1><p>${detail}</p>`, status as 503)));

    const api = await app.request("/api/v1/probe", { method: "POST" });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(await api.json()).toMatchObject({ status: 503, type: "/docs/problems#unavailable", title: vi["error.unavailable"] });

    const english = await app.request("/api/v1/probe", { method: "POST", headers: { "accept-language": "en" } });
    expect(english.status).toBe(503);
    expect(((await english.json()) as { title: string }).title).toBe(en["error.unavailable"]);

    const page = await app.request("/probe", { method: "POST" });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(await page.text()).toContain(vi["error.unavailable"]);

    // None of the three writes was acknowledged, and none was stored.
    for (const id of [500, 501, 502]) expect(await stored(id)).toBe(false);
  });
});
