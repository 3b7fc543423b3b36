import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import { createDatabase, type Database } from "../db/database.ts";
import { checkHeld, clearThrottle, recordHeld, release, reserve } from "./throttle.ts";

const MINUTE = 60_000;
const at = new Date("2026-11-23T03:00:00Z");

describeDb("throttle: reserve", () => {
  let t: TestDatabase;
  // Many connections, so that reservations really run side by side in PostgreSQL.
  let wide: Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    wide = createDatabase(t.url, { max: 24 });
  });
  afterAll(async () => {
    await wide?.close();
    await t?.drop();
  });

  const hits = async (bucket: string, key: string) =>
    (await t.db.query("SELECT count(*)::int AS n FROM throttle_hits WHERE bucket = $1 AND key = $2", [bucket, key])).rows[0]!.n as number;

  it("grants exactly the limit when 200 reservations of one key arrive at once over 24 connections", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => reserve(wide, "burst", [{ key: "k", limit: 37, windowMs: 15 * MINUTE }], at)));
    expect(results.filter((r) => r.allowed)).toHaveLength(37);
    expect(await hits("burst", "k")).toBe(37);
    const refused = results.find((r) => !r.allowed);
    expect(refused).toMatchObject({ allowed: false, key: "k", retryAfterSeconds: 15 * 60 });
  });

  it("reserves every key or none, in any key order, without deadlocks", async () => {
    // Each call counts a shared key (limit 15) and one of ten own keys (limit 3), half of them listed in reverse.
    const calls = Array.from({ length: 120 }, (_, i) => {
      const limits = [
        { key: "shared", limit: 15, windowMs: MINUTE },
        { key: `own-${i % 10}`, limit: 3, windowMs: MINUTE },
      ];
      return reserve(wide, "multi", i % 2 ? limits.reverse() : limits, at);
    });
    const granted = (await Promise.all(calls)).filter((r) => r.allowed).length;
    expect(granted).toBe(15);
    expect(await hits("multi", "shared")).toBe(15);
    let own = 0;
    for (let i = 0; i < 10; i++) {
      const n = await hits("multi", `own-${i}`);
      expect(n).toBeLessThanOrEqual(3);
      own += n;
    }
    expect(own).toBe(15);
  });

  it("counts a reservation made inside a transaction only if that transaction commits", async () => {
    const limit = [{ key: "tx", limit: 5, windowMs: MINUTE }];
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        wide
          .tx(async (q) => {
            const r = await reserve(q, "inTx", limit, at);
            if (r.allowed && i % 3 === 0) throw new Error("rolled back");
            return r.allowed;
          })
          .catch(() => "rolledBack" as const),
      ),
    );
    const committed = outcomes.filter((o) => o === true).length;
    expect(committed).toBe(5);
    expect(await hits("inTx", "tx")).toBe(5);
  });

  it("reserves a weighted key only when its hits plus the weight fit, all keys or none, even all at once", async () => {
    // Each call counts one hit on "files" (limit 100) and three on "mb" (limit 20): six calls fit, never a seventh.
    const limits = [
      { key: "files", limit: 100, windowMs: MINUTE },
      { key: "mb", limit: 20, windowMs: MINUTE, weight: 3 },
    ];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => reserve(wide, "weighted", i % 2 ? [...limits].reverse() : limits, at)));
    expect(results.filter((r) => r.allowed)).toHaveLength(6);
    expect(await hits("weighted", "mb")).toBe(18);
    expect(await hits("weighted", "files")).toBe(6);
    expect(results.find((r) => !r.allowed)).toMatchObject({ key: "mb", retryAfterSeconds: 60 });
    // Two more still fit; giving a reservation back returns all of its hits.
    const two = await reserve(t.db, "weighted", [{ ...limits[1]!, weight: 2 }], at);
    expect(two.allowed).toBe(true);
    expect(await hits("weighted", "mb")).toBe(20);
    await release(t.db, two);
    expect(await hits("weighted", "mb")).toBe(18);
    // Inside a transaction that rolls back, none of its hits stay.
    await t.db
      .tx(async (q) => {
        expect((await reserve(q, "weighted", [{ ...limits[1]!, weight: 2 }], at)).allowed).toBe(true);
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect(await hits("weighted", "mb")).toBe(18);
  });

  it("says when a weighted key has room again, and lets a weight above the limit through an empty window", async () => {
    const mb = (weight: number, minutes: number) =>
      reserve(t.db, "heavy", [{ key: "mb", limit: 10, windowMs: 10 * MINUTE, weight }], new Date(at.getTime() + minutes * MINUTE));
    expect((await mb(4, 0)).allowed).toBe(true);
    expect((await mb(4, 2)).allowed).toBe(true);
    // 8 of 10 used: 3 more need the first 4 gone (at minute 10), 2 more fit now.
    expect(await mb(3, 3)).toMatchObject({ allowed: false, retryAfterSeconds: 7 * 60 });
    expect((await mb(2, 3)).allowed).toBe(true);
    // Full: 1 more needs the oldest hit gone; 5 more need the first two reservations gone (minute 12).
    expect(await mb(5, 4)).toMatchObject({ allowed: false, retryAfterSeconds: 8 * 60 });
    // A weight of 50 against a limit of 10 counts as 10: it fits only an empty window.
    expect(await mb(50, 11)).toMatchObject({ allowed: false, retryAfterSeconds: 2 * 60 });
    expect((await mb(50, 13)).allowed).toBe(true);
    expect(await hits("heavy", "mb")).toBe(4 + 4 + 2 + 10);
  });

  it("slides its window, says when to retry, and gives back or clears hits", async () => {
    const limit = (n: number) => [{ key: "w", limit: n, windowMs: 10 * MINUTE }];
    const first = await reserve(t.db, "window", limit(2), at);
    const second = await reserve(t.db, "window", limit(2), new Date(at.getTime() + 4 * MINUTE));
    expect(first.allowed && second.allowed).toBe(true);
    // Full: room again when the first hit leaves the window, 10 minutes after it was made.
    expect(await reserve(t.db, "window", limit(2), new Date(at.getTime() + 5 * MINUTE))).toMatchObject({ allowed: false, retryAfterSeconds: 5 * 60 });
    expect((await reserve(t.db, "window", limit(2), new Date(at.getTime() + 10 * MINUTE + 1000))).allowed).toBe(true);
    expect(await hits("window", "w")).toBe(3);

    await release(t.db, second);
    expect(await hits("window", "w")).toBe(2);
    // Infinity is no limit: nothing is counted.
    expect(await reserve(t.db, "window", [{ key: "w", limit: Number.POSITIVE_INFINITY, windowMs: MINUTE }], at)).toMatchObject({ allowed: true, ids: [] });
    await clearThrottle(t.db, "window", "w");
    expect(await hits("window", "w")).toBe(0);
    // A limit of 0 refuses everything.
    expect((await reserve(t.db, "window", limit(0), at)).allowed).toBe(false);
  });
});

describeDb("throttle: commits", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("never lets a reservation made inside a caller's transaction relax that transaction's commit", async () => {
    const inside = await t.db.tx(async (q) => {
      const r = await reserve(q, "commit", [{ key: "k", limit: 5, windowMs: MINUTE }], at);
      await release(q, r);
      await reserve(q, "commit", [{ key: "w", limit: 50, windowMs: MINUTE, weight: 3 }], at);
      return (await q.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]!.synchronous_commit;
    });
    expect(inside).toBe("on");
    // On its own the call commits without waiting for the flush, and only itself: the session's setting is untouched.
    await t.db.session(async (s) => {
      expect((await reserve(s, "commit", [{ key: "own", limit: 5, windowMs: MINUTE }], at)).allowed).toBe(true);
      expect((await s.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]!.synchronous_commit).toBe("on");
    });
  });
});

describeDb("throttle: check now, record if it counts", () => {
  let t: TestDatabase;
  let wide: Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    wide = createDatabase(t.url, { max: 24 });
  });
  afterAll(async () => {
    await wide?.close();
    await t?.drop();
  });

  it("lets exactly the limit of counted attempts through when 120 arrive at once, and writes nothing for those that do not count", async () => {
    const limits = [{ key: "code", limit: 10, windowMs: MINUTE }];
    // Every third attempt is a "right answer": checked but not recorded.
    const outcomes = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        wide.tx(async (q) => {
          const r = await checkHeld(q, "held", limits, at);
          if (!r.allowed) return "refused";
          if (i % 3 === 0) return "right";
          await recordHeld(q, r);
          return "wrong";
        }),
      ),
    );
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(10);
    const { rows } = await t.db.query("SELECT count(*)::int AS n FROM throttle_hits WHERE bucket = 'held'");
    expect(rows[0]!.n).toBe(10);
    await expect(checkHeld(t.db, "held", limits, at)).rejects.toThrow(/transaction/);
  });
});
