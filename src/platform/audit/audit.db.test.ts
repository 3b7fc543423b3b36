import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { verifyAudit } from "./index.ts";

const event = (i: number) => ({
  type: "test.event", actor: { userId: null, label: "tester" }, target: { type: "thing", id: String(i) }, adminUnitCode: "02923", requestId: `r${i}`, details: { i, nested: { z: 1, a: [i] } },
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

  it("chains concurrent writers into one gap-free sequence that verifies", async () => {
    const before = (await verifyAudit(t.db)).entries; // the template's import of the official list is entry 1
    await Promise.all(Array.from({ length: 20 }, (_, i) => publish(i)));
    const v = await verifyAudit(t.db);
    expect(v).toMatchObject({ ok: true, entries: before + 20, problems: [] });
    const seqs = (await t.db.query<{ seq: number }>("SELECT seq FROM audit_log ORDER BY seq")).rows.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
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
    expect((await verifyAudit(t.db)).entries).toBe(before);
  });

  it("detects a changed entry", async () => {
    await tamper("UPDATE audit_log SET details = jsonb_set(details, '{i}', '1000') WHERE seq = 5", []);
    expect((await verifyAudit(t.db)).problems).toContainEqual({ seq: 5, problem: "changed" });
  });

  it("detects a deleted entry in the middle and at the end", async () => {
    await tamper("DELETE FROM audit_log WHERE seq = 10", []);
    const mid = await verifyAudit(t.db);
    expect(mid.problems).toContainEqual({ seq: 10, problem: "missing" });
    expect(mid.problems).toContainEqual({ seq: 11, problem: "broken_link" });
    const last = (await t.db.query<{ seq: number }>("SELECT max(seq)::int AS seq FROM audit_log")).rows[0]!.seq;
    await tamper("DELETE FROM audit_log WHERE seq = $1", [last]);
    expect((await verifyAudit(t.db)).problems).toContainEqual(expect.objectContaining({ problem: "head_mismatch" }));
  });
});
