// The only code that touches audit_log / audit_head.
import type { Queryable } from "../db/database.ts";
import type { DomainEvent } from "../events/domain-events.ts";
import { type AuditEntry, GENESIS_HASH, hashEntry } from "./audit-chain.ts";

const APPEND_LOCK = 7_312_002;

type Row = {
  seq: number; at: Date; actor_id: string | null; actor_label: string; action: string; target_type: string;
  target_id: string | null; admin_unit_code: string | null; request_id: string | null; details: Record<string, unknown>;
  prev_hash: string; hash: string;
};

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq, at: r.at, actorId: r.actor_id, actorLabel: r.actor_label, action: r.action, targetType: r.target_type,
  targetId: r.target_id, adminUnitCode: r.admin_unit_code, requestId: r.request_id, details: r.details,
});

/** Appends one entry. Must run inside a transaction: the lock serialises writers until commit. */
export async function appendAudit(q: Queryable, event: DomainEvent, now = new Date()): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock($1)", [APPEND_LOCK]);
  const head = await q.query<{ seq: number; hash: string }>("SELECT seq, hash FROM audit_head");
  const prev = head.rows[0] ?? { seq: 0, hash: GENESIS_HASH };
  // Millisecond precision: the hash covers the ISO time, and timestamptz keeps it exactly.
  const at = new Date(Math.floor(now.getTime()));
  const entry: AuditEntry = {
    seq: prev.seq + 1, at, actorId: event.actor.userId, actorLabel: event.actor.label, action: event.type,
    targetType: event.target.type, targetId: event.target.id, adminUnitCode: event.adminUnitCode,
    requestId: event.requestId, details: { ...(event.details ?? {}), ...(event.actor.tokenId ? { tokenId: event.actor.tokenId } : {}) },
  };
  const hash = hashEntry(prev.hash, entry);
  await q.query(
    `INSERT INTO audit_log (seq, at, actor_id, actor_label, action, target_type, target_id, admin_unit_code, request_id, details, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [entry.seq, entry.at, entry.actorId, entry.actorLabel, entry.action, entry.targetType, entry.targetId, entry.adminUnitCode, entry.requestId, JSON.stringify(entry.details), prev.hash, hash],
  );
  await q.query(
    `INSERT INTO audit_head (id, seq, hash) VALUES (true, $1, $2) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    [entry.seq, hash],
  );
}

export type AuditProblem = { seq: number; problem: "changed" | "missing" | "broken_link" | "head_mismatch" };
export type AuditVerification = { ok: boolean; entries: number; headHash: string; problems: AuditProblem[] };

/** Recomputes the whole chain in pages; reports every changed, missing or relinked entry. */
export async function verifyAudit(q: Queryable, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const { rows } = await q.query<Row>("SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2", [expectedSeq, pageSize]);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        for (let s = expectedSeq; s < r.seq; s++) problems.push({ seq: s, problem: "missing" });
      }
      if (r.prev_hash !== prevHash) problems.push({ seq: r.seq, problem: "broken_link" });
      if (hashEntry(r.prev_hash, toEntry(r)) !== r.hash) problems.push({ seq: r.seq, problem: "changed" });
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      entries++;
    }
  }
  const head = (await q.query<{ seq: number; hash: string }>("SELECT seq, hash FROM audit_head")).rows[0];
  if (head ? head.seq !== expectedSeq - 1 || head.hash !== prevHash : entries > 0) {
    problems.push({ seq: head?.seq ?? expectedSeq - 1, problem: "head_mismatch" });
  }
  return { ok: problems.length === 0, entries, headHash: prevHash, problems };
}

/** Entries about units inside any of the given subtrees, newest first, keyset on seq. */
export async function listAudit(q: Queryable, opts: { unitPathPrefixes: string[]; limit: number; beforeSeq?: number }) {
  const { rows } = await q.query<Row>(
    `SELECT a.* FROM audit_log a
     JOIN admin_units u ON u.code = a.admin_unit_code
     WHERE u.path LIKE ANY (SELECT p || '%' FROM unnest($1::text[]) p) AND ($2::bigint IS NULL OR a.seq < $2)
     ORDER BY a.seq DESC LIMIT $3`,
    [opts.unitPathPrefixes, opts.beforeSeq ?? null, opts.limit],
  );
  return rows.map((r) => ({ ...toEntry(r), hash: r.hash }));
}
