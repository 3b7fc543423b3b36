import pino from "pino";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestDatabase, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import { createDatabase, type Database } from "../db/database.ts";
import { createOutboxWorker, enqueue, purgeSent, type OutboxHandlers } from "./outbox.ts";

const log = pino({ level: "silent" });

// Starts a minute ahead of the database's now(), so rows enqueued with the default notBefore are due.
function testClock() {
  let t = Date.now() + 60_000;
  return {
    now: () => new Date(t),
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
}

describeDb("outbox", () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = tdb.db;
  });
  afterAll(() => tdb.drop());
  beforeEach(async () => {
    await db.query("DELETE FROM outbox");
  });

  const recorder = () => {
    const got: unknown[] = [];
    const handlers: OutboxHandlers = { sms: async (p) => void got.push(p) };
    return { got, handlers };
  };
  const row = async (id?: number) =>
    (
      await db.query<{ status: string; attempts: number; last_error: string | null; next_attempt_at: Date; sent_at: Date | null }>(
        `SELECT status, attempts, last_error, next_attempt_at, sent_at FROM outbox${id ? " WHERE id = $1" : " ORDER BY id LIMIT 1"}`,
        id ? [id] : [],
      )
    ).rows[0];

  it("sends what a committed transaction enqueued, and nothing from a rolled-back one", async () => {
    const clock = testClock();
    const { got, handlers } = recorder();
    await expect(
      db.tx(async (q) => {
        await enqueue(q, { topic: "sms", payload: { to: "+84900000001", text: "rolled back" } });
        throw new Error("the dossier change failed");
      }),
    ).rejects.toThrow("the dossier change failed");
    await db.tx((q) => enqueue(q, { topic: "sms", payload: { to: "+84900000002", text: "committed" } }));

    const worker = createOutboxWorker({ db, log, clock, handlers });
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(got).toEqual([{ to: "+84900000002", text: "committed" }]);
    expect(await row()).toMatchObject({ status: "sent", attempts: 1, sent_at: clock.now() });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it("waits for notBefore", async () => {
    const clock = testClock();
    const { got, handlers } = recorder();
    await enqueue(db, { topic: "sms", payload: "later", notBefore: new Date(clock.now().getTime() + 3600_000) });
    const worker = createOutboxWorker({ db, log, clock, handlers });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    clock.advance(3600);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(got).toEqual(["later"]);
  });

  it("retries a failing handler with backoff and marks it dead after maxAttempts", async () => {
    const clock = testClock();
    let calls = 0;
    const handlers: OutboxHandlers = {
      sms: async () => {
        calls++;
        throw new Error(`gateway answered 503 (call ${calls})`);
      },
    };
    // random = 0.5 makes the jitter factor exactly 1, so the delays are 60 s then 120 s.
    const worker = createOutboxWorker({ db, log, clock, handlers, maxAttempts: 3, backoff: (n) => 60 * n, random: () => 0.5 });
    await enqueue(db, { topic: "sms", payload: {} });

    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect(await row()).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: "gateway answered 503 (call 1)",
      next_attempt_at: new Date(clock.now().getTime() + 60_000),
    });
    clock.advance(59);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    clock.advance(119);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect(await row()).toMatchObject({ status: "dead", attempts: 3, last_error: "gateway answered 503 (call 3)", sent_at: null });
    clock.advance(86_400);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(calls).toBe(3);
  });

  it("spreads retries with jitter between half and one and a half times the backoff", async () => {
    const clock = testClock();
    const worker = createOutboxWorker({ db, log, clock, handlers: { sms: () => Promise.reject(new Error("down")) }, backoff: () => 100 });
    for (let i = 0; i < 10; i++) await enqueue(db, { topic: "sms", payload: i });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 10, dead: 0 });
    const { rows } = await db.query<{ delay: number }>("SELECT extract(epoch FROM next_attempt_at - $1::timestamptz)::float8 AS delay FROM outbox", [
      clock.now(),
    ]);
    for (const r of rows) {
      expect(r.delay).toBeGreaterThanOrEqual(50);
      expect(r.delay).toBeLessThan(150);
    }
    expect(new Set(rows.map((r) => r.delay)).size).toBeGreaterThan(1);
  });

  it("treats a topic without a handler as a failure of that row only", async () => {
    const clock = testClock();
    const { got, handlers } = recorder();
    const worker = createOutboxWorker({ db, log, clock, handlers, maxAttempts: 1 });
    await enqueue(db, { topic: "fax", payload: 1 });
    await enqueue(db, { topic: "sms", payload: 2 });
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, dead: 1 });
    expect(got).toEqual([2]);
    const dead = await db.query("SELECT topic, status, last_error FROM outbox WHERE status = 'dead'");
    expect(dead.rows).toEqual([{ topic: "fax", status: "dead", last_error: 'no handler for topic "fax"' }]);
  });

  it("ignores a second enqueue with the same dedupe key, even after the first was sent", async () => {
    const clock = testClock();
    const { got, handlers } = recorder();
    expect(await enqueue(db, { topic: "sms", payload: "first", dedupeKey: "dossier:1:received:sms" })).toBe(true);
    expect(await db.tx((q) => enqueue(q, { topic: "sms", payload: "second", dedupeKey: "dossier:1:received:sms" }))).toBe(false);
    const worker = createOutboxWorker({ db, log, clock, handlers });
    await worker.runOnce();
    expect(await enqueue(db, { topic: "sms", payload: "third", dedupeKey: "dossier:1:received:sms" })).toBe(false);
    await worker.runOnce();
    expect(got).toEqual(["first"]);
  });

  it("never gives the same row to two workers running at once", async () => {
    const clock = testClock();
    const sentBy = new Map<number, string[]>();
    const handlersFor = (name: string): OutboxHandlers => ({
      sms: async (p) => {
        // Yield so the other worker's claim interleaves with this batch.
        await new Promise((r) => setImmediate(r));
        const n = p as number;
        sentBy.set(n, [...(sentBy.get(n) ?? []), name]);
      },
    });
    for (let i = 0; i < 100; i++) await enqueue(db, { topic: "sms", payload: i });
    // Separate pools: two processes as far as PostgreSQL can tell.
    const dbA = createDatabase(tdb.url, { max: 2 });
    const dbB = createDatabase(tdb.url, { max: 2 });
    try {
      const a = createOutboxWorker({ db: dbA, log, clock, handlers: handlersFor("a"), batchSize: 7 });
      const b = createOutboxWorker({ db: dbB, log, clock, handlers: handlersFor("b"), batchSize: 7 });
      for (let round = 0; round < 30; round++) {
        const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
        if (ra.sent + rb.sent === 0) break;
      }
    } finally {
      await Promise.all([dbA.close(), dbB.close()]);
    }
    expect(sentBy.size).toBe(100);
    for (const [, by] of sentBy) expect(by).toHaveLength(1);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'sent' AND attempts = 1");
    expect(rows[0]?.n).toBe(100);
  });

  it("sends again after a crash between claiming and marking (at-least-once), but not past the last attempt", async () => {
    const clock = testClock();
    const { got, handlers } = recorder();
    const worker = createOutboxWorker({ db, log, clock, handlers, maxAttempts: 3, leaseMs: 120_000, handlerTimeoutMs: 30_000 });
    // Two rows claimed by a worker that then died: attempts counted, lease taken.
    const leased = new Date(clock.now().getTime() + 120_000);
    await enqueue(db, { topic: "sms", payload: "crashed once" });
    await enqueue(db, { topic: "sms", payload: "crashed on its last attempt" });
    await db.query("UPDATE outbox SET attempts = CASE WHEN payload = '\"crashed once\"' THEN 1 ELSE 3 END, next_attempt_at = $1", [leased]);

    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    clock.advance(120);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, dead: 1 });
    expect(got).toEqual(["crashed once"]);
    const { rows } = await db.query("SELECT payload, status, attempts, last_error FROM outbox ORDER BY id");
    expect(rows).toEqual([
      { payload: "crashed once", status: "sent", attempts: 2, last_error: null },
      { payload: "crashed on its last attempt", status: "dead", attempts: 3, last_error: "interrupted during its last attempt" },
    ]);
  });

  it("fails a handler that hangs past its timeout", async () => {
    const clock = testClock();
    const worker = createOutboxWorker({ db, log, clock, handlers: { sms: () => new Promise(() => undefined) }, handlerTimeoutMs: 20, leaseMs: 1000 });
    await enqueue(db, { topic: "sms", payload: null });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await row())?.last_error).toBe("handler timed out after 20 ms");
  });

  it("start() polls until stop(), which lets the batch in progress finish", async () => {
    const clock = testClock();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let called!: () => void;
    const handlerCalled = new Promise<void>((r) => (called = r));
    const worker = createOutboxWorker({
      db,
      log,
      clock,
      handlers: {
        sms: async () => {
          called();
          await gate;
        },
      },
    });
    await enqueue(db, { topic: "sms", payload: "polled" });
    worker.start({ pollMs: 10 });
    await handlerCalled;
    const stopped = worker.stop();
    release();
    await stopped;
    expect(await row()).toMatchObject({ status: "sent" });
  });

  it("purges sent messages older than the cut-off and keeps the rest", async () => {
    const clock = testClock();
    const { handlers } = recorder();
    await enqueue(db, { topic: "sms", payload: "old" });
    await enqueue(db, { topic: "fax", payload: "dead" });
    await createOutboxWorker({ db, log, clock, handlers, maxAttempts: 1 }).runOnce();
    await enqueue(db, { topic: "sms", payload: "pending", notBefore: new Date(clock.now().getTime() + 3600_000) });
    expect(await purgeSent(db, new Date(clock.now().getTime() - 1000))).toBe(0);
    expect(await purgeSent(db, new Date(clock.now().getTime() + 1000))).toBe(1);
    const { rows } = await db.query("SELECT payload FROM outbox ORDER BY id");
    expect(rows.map((r) => r.payload)).toEqual(["dead", "pending"]);
  });
});
