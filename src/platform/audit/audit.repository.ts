// The only code that touches audit_log / audit_head.
import { type Database, type Queryable, queryPrepared } from "../db/database.ts";
import type { DomainEvent } from "../events/domain-events.ts";
import { type AuditEntry, GENESIS_HASH, hashEntry } from "./audit-chain.ts";

const SEAL_LOCK = 7_312_002;

type Row = {
  seq: number;
  chain_seq: number | null;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  admin_unit_code: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
};

/** The entry as hashed: its position in the chain, not its insertion number, is part of what is signed. */
const toEntry = (r: Row, chainSeq = r.chain_seq ?? 0): AuditEntry => ({
  seq: chainSeq,
  at: r.at,
  actorId: r.actor_id,
  actorLabel: r.actor_label,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  adminUnitCode: r.admin_unit_code,
  requestId: r.request_id,
  details: r.details,
});

/**
 * Writes one entry inside the caller's transaction, without any lock: it commits or rolls back with the
 * change it records. It joins the hash chain when sealAudit next runs (within a second in a running server).
 */
export async function appendAudit(q: Queryable, event: DomainEvent, now = new Date()): Promise<void> {
  // Millisecond precision: the hash covers the ISO time, and timestamptz keeps it exactly.
  const at = new Date(Math.floor(now.getTime()));
  const details = { ...(event.details ?? {}), ...(event.actor.tokenId ? { tokenId: event.actor.tokenId } : {}) };
  await queryPrepared(
    q,
    "audit_append",
    `INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, admin_unit_code, request_id, details)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [at, event.actor.userId, event.actor.label, event.type, event.target.type, event.target.id, event.adminUnitCode, event.requestId, JSON.stringify(details)],
  );
}

/**
 * Links committed, unsealed entries into the chain, in the order they were written. One sealer at a time
 * across processes (an advisory lock; a busy one is skipped, not waited for). Returns how many it sealed.
 */
export async function sealAudit(db: Database, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.tx(async (q) => {
      const lock = await q.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [SEAL_LOCK]);
      if (!lock.rows[0]?.ok) return 0;
      const { rows } = await q.query<Row>("SELECT * FROM audit_log WHERE chain_seq IS NULL ORDER BY seq LIMIT $1", [batch]);
      if (rows.length === 0) return 0;
      const head = (await q.query<{ seq: number; hash: string }>("SELECT seq, hash FROM audit_head")).rows[0] ?? { seq: 0, hash: GENESIS_HASH };
      const seqs: number[] = [],
        chainSeqs: number[] = [],
        prevs: string[] = [],
        hashes: string[] = [];
      let prev = head;
      for (const r of rows) {
        const chainSeq = prev.seq + 1;
        const hash = hashEntry(prev.hash, toEntry(r, chainSeq));
        seqs.push(r.seq);
        chainSeqs.push(chainSeq);
        prevs.push(prev.hash);
        hashes.push(hash);
        prev = { seq: chainSeq, hash };
      }
      await q.query(
        `UPDATE audit_log a SET chain_seq = s.chain_seq, prev_hash = s.prev_hash, hash = s.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(seq, chain_seq, prev_hash, hash) WHERE a.seq = s.seq`,
        [seqs, chainSeqs, prevs, hashes],
      );
      await q.query(`INSERT INTO audit_head (id, seq, hash) VALUES (true, $1, $2) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`, [
        prev.seq,
        prev.hash,
      ]);
      return rows.length;
    });
    total += sealed;
    if (sealed < batch) return total;
  }
}

export type AuditProblem = { seq: number; problem: "changed" | "missing" | "broken_link" | "head_mismatch" };
export type AuditVerification = { ok: boolean; entries: number; pending: number; headHash: string; problems: AuditProblem[] };

/**
 * Recomputes the whole chain in pages; reports every changed, missing or relinked entry (by chain
 * position). Entries not yet sealed are counted as pending: seal first to cover them.
 */
export async function verifyAudit(q: Queryable, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const { rows } = await q.query<Row & { chain_seq: number }>("SELECT * FROM audit_log WHERE chain_seq >= $1 ORDER BY chain_seq LIMIT $2", [
      expectedSeq,
      pageSize,
    ]);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.chain_seq !== expectedSeq) {
        for (let s = expectedSeq; s < r.chain_seq; s++) problems.push({ seq: s, problem: "missing" });
      }
      if (r.prev_hash !== prevHash) problems.push({ seq: r.chain_seq, problem: "broken_link" });
      if (hashEntry(r.prev_hash ?? "", toEntry(r)) !== r.hash) problems.push({ seq: r.chain_seq, problem: "changed" });
      prevHash = r.hash ?? "";
      expectedSeq = r.chain_seq + 1;
      entries++;
    }
  }
  const head = (await q.query<{ seq: number; hash: string }>("SELECT seq, hash FROM audit_head")).rows[0];
  if (head ? head.seq !== expectedSeq - 1 || head.hash !== prevHash : entries > 0) {
    problems.push({ seq: head?.seq ?? expectedSeq - 1, problem: "head_mismatch" });
  }
  const pending = (await q.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL")).rows[0]?.n ?? 0;
  return { ok: problems.length === 0, entries, pending, headHash: prevHash, problems };
}

/** Entries about the given units, newest first, keyset on seq. */
export async function listAudit(q: Queryable, opts: { unitCodes: string[]; limit: number; beforeSeq?: number }) {
  const { rows } = await q.query<Row>(
    `SELECT a.* FROM audit_log a
     WHERE a.admin_unit_code = ANY($1::text[]) AND ($2::bigint IS NULL OR a.seq < $2)
     ORDER BY a.seq DESC LIMIT $3`,
    [opts.unitCodes, opts.beforeSeq ?? null, opts.limit],
  );
  return rows.map((r) => ({ ...toEntry(r), seq: r.seq, chainSeq: r.chain_seq, hash: r.hash }));
}
