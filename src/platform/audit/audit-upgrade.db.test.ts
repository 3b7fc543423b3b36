// A commune that ran the platform core (#2) keeps a valid audit chain when migration 0005 moves sealing
// after commit: the entries hashed under the old lock verify unchanged, and new ones chain after them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabaseMigratedTo, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrator.ts";
import { GENESIS_HASH, hashEntry } from "./audit-chain.ts";
import { appendAudit, sealAudit, verifyAudit } from "./audit.repository.ts";

describeDb("audit chain across the upgrade to sealing after commit", () => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await createDatabaseMigratedTo(4); // the schema as #2 left it
    db = t.db;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("verifies the entries written under the old lock, then chains new ones after them", async () => {
    // Entries as #2 wrote them: a gap-free seq, hashed with it, and the head.
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const e = {
        seq,
        at: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)),
        actorId: null,
        actorLabel: "core",
        action: "old.event",
        targetType: "thing",
        targetId: String(seq),
        adminUnitCode: null,
        requestId: null,
        details: { seq },
      };
      const hash = hashEntry(prev, e);
      await db.query(
        `INSERT INTO audit_log (seq, at, actor_label, action, target_type, target_id, details, prev_hash, hash) VALUES ($1, $2, 'core', 'old.event', 'thing', $3, $4, $5, $6)`,
        [seq, e.at, String(seq), JSON.stringify(e.details), prev, hash],
      );
      await db.query("INSERT INTO audit_head (id, seq, hash) VALUES (true, $1, $2) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash", [
        seq,
        hash,
      ]);
      prev = hash;
    }

    const upgraded = await migrate(db);
    expect(upgraded.applied).toContain("0005_audit_sealed_later.sql");
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 3, pending: 0, headHash: prev });

    await db.tx((q) =>
      appendAudit(q, { type: "new.event", actor: { userId: null, label: "issue3" }, target: { type: "thing", id: "4" }, adminUnitCode: null, requestId: null }),
    );
    expect(await sealAudit(db)).toBe(1);
    const v = await verifyAudit(db);
    expect(v).toMatchObject({ ok: true, entries: 4, pending: 0, problems: [] });
    const newest = await db.query<{ seq: number; chain_seq: number; prev_hash: string }>(
      "SELECT seq::int, chain_seq::int, prev_hash FROM audit_log WHERE action = 'new.event'",
    );
    expect(newest.rows[0]).toEqual({ seq: 4, chain_seq: 4, prev_hash: prev });
  });
});
