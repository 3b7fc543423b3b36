import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { sealAudit, verifyAudit } from "./index.ts";

const event = (i: number) => ({
  type: "test.event",
  actor: { userId: null, label: "tester" },
  target: { type: "thing", id: String(i) },
  adminUnitCode: "02923",
  requestId: `r${i}`,
  details: { i, nested: { z: 1, a: [i] } },
});

describeDb("audit log", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());
  const publish = (i: number) => t.db.tx((q) => t.deps.events.publish(q, event(i)));
  // Tampering needs the append-only trigger out of the way, as a database superuser could do.
  const tamper = (sql: string, values: unknown[]) =>
    t.db.tx(async (q) => {
      await q.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
      await q.query(sql, values);
      await q.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
    });

  it("takes concurrent writers without a lock, then seals them into one gap-free chain that verifies", async () => {
    await sealAudit(t.db);
    const before = (await verifyAudit(t.db)).entries; // the template's import of the official list is entry 1
    await Promise.all(Array.from({ length: 20 }, (_, i) => publish(i)));
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, entries: before, pending: 20 });
    // Two sealers at once: one seals, the other finds the lock taken or nothing left.
    const sealed = await Promise.all([sealAudit(t.db), sealAudit(t.db)]);
    expect(sealed[0]! + sealed[1]!).toBe(20);
    const v = await verifyAudit(t.db);
    expect(v).toMatchObject({ ok: true, entries: before + 20, pending: 0, problems: [] });
    const chain = (await t.db.query<{ n: number }>("SELECT chain_seq::int AS n FROM audit_log ORDER BY chain_seq")).rows.map((r) => r.n);
    expect(chain).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
    // Sealing keeps the order in which entries were written.
    const order = (await t.db.query<{ i: string }>("SELECT details->>'i' AS i FROM audit_log WHERE action = 'test.event' ORDER BY chain_seq")).rows.map((r) =>
      Number(r.i),
    );
    const bySeq = (await t.db.query<{ i: string }>("SELECT details->>'i' AS i FROM audit_log WHERE action = 'test.event' ORDER BY seq")).rows.map((r) =>
      Number(r.i),
    );
    expect(order).toEqual(bySeq);
  });

  it("lets sealing add the chain but nothing else change an entry", async () => {
    await publish(77);
    const { rows } = await t.db.query<{ seq: number }>("SELECT seq FROM audit_log WHERE chain_seq IS NULL ORDER BY seq DESC LIMIT 1");
    await expect(
      t.db.query("UPDATE audit_log SET chain_seq = 999999, prev_hash = 'x', hash = 'y', actor_label = 'forged' WHERE seq = $1", [rows[0]!.seq]),
    ).rejects.toThrow(/append-only/);
    await sealAudit(t.db);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it("refuses updates, deletes and truncation", async () => {
    await expect(t.db.query("UPDATE audit_log SET actor_label = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.db.query("DELETE FROM audit_log WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.db.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
  });

  it("does not write the entry when the use case's transaction rolls back", async () => {
    const before = (await verifyAudit(t.db)).entries;
    await expect(
      t.db.tx(async (q) => {
        await t.deps.events.publish(q, event(99));
        throw new Error("use case failed");
      }),
    ).rejects.toThrow("use case failed");
    await sealAudit(t.db);
    expect((await verifyAudit(t.db)).entries).toBe(before);
  });

  it("detects a changed entry", async () => {
    await sealAudit(t.db);
    await tamper("UPDATE audit_log SET details = jsonb_set(details, '{i}', '1000') WHERE chain_seq = 5", []);
    expect((await verifyAudit(t.db)).problems).toContainEqual({ seq: 5, problem: "changed" });
  });

  it("detects a deleted entry in the middle and at the end", async () => {
    await tamper("DELETE FROM audit_log WHERE chain_seq = 10", []);
    const mid = await verifyAudit(t.db);
    expect(mid.problems).toContainEqual({ seq: 10, problem: "missing" });
    expect(mid.problems).toContainEqual({ seq: 11, problem: "broken_link" });
    const last = (await t.db.query<{ seq: number }>("SELECT max(chain_seq)::int AS seq FROM audit_log")).rows[0]!.seq;
    await tamper("DELETE FROM audit_log WHERE chain_seq = $1", [last]);
    expect((await verifyAudit(t.db)).problems).toContainEqual(expect.objectContaining({ problem: "head_mismatch" }));
  });
});
