// The only code that queries payments.
// The stats helper reads this table for cashlessShare: confirmed payments (status paid, or refunded after being
// paid) with method vietqr or gateway count as cashless; cash does not, and exempt rows are not payments at all.
import { type Queryable, queryPrepared } from "../../platform/db/database.ts";
import type { PaymentRecord } from "./payments.model.ts";

// amount is bigint in SQL; fees are far below 2^53, so a JS number is exact.
const COLUMNS = `p.id, p.dossier_id AS "dossierId", p.amount::float8 AS amount, p.method, p.status, p.receipt_no AS "receiptNo",
  p.gateway_ref AS "gatewayRef", p.confirmed_by AS "confirmedById",
  p.confirmed_at AS "confirmedAt", p.refunded_at AS "refundedAt", p.note`;
const FROM = "payments p";

export type NewPayment = Pick<
  PaymentRecord,
  "dossierId" | "amount" | "method" | "status" | "receiptNo" | "gatewayRef" | "confirmedById" | "confirmedAt" | "note"
>;

export async function insertPayment(q: Queryable, p: NewPayment): Promise<string> {
  const { rows } = await queryPrepared<{ id: string }>(
    q,
    "payments_insert",
    `INSERT INTO payments (dossier_id, amount, method, status, receipt_no, gateway_ref, confirmed_by, confirmed_at, note)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [p.dossierId, p.amount, p.method, p.status, p.receiptNo, p.gatewayRef, p.confirmedById, p.confirmedAt, p.note],
  );
  return rows[0]!.id;
}

export async function findById(q: Queryable, id: string, forUpdate = false): Promise<PaymentRecord | null> {
  const { rows } = await q.query<PaymentRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1${forUpdate ? " FOR UPDATE OF p" : ""}`, [id]);
  return rows[0] ?? null;
}

export async function findByGatewayRef(q: Queryable, gatewayRef: string): Promise<PaymentRecord | null> {
  const { rows } = await queryPrepared<PaymentRecord>(q, "payments_by_gateway_ref", `SELECT ${COLUMNS} FROM ${FROM} WHERE p.gateway_ref = $1`, [gatewayRef]);
  return rows[0] ?? null;
}

export async function listForDossier(q: Queryable, dossierId: string): Promise<PaymentRecord[]> {
  const { rows } = await queryPrepared<PaymentRecord>(
    q,
    "payments_for_dossier",
    `SELECT ${COLUMNS} FROM ${FROM} WHERE p.dossier_id = $1 ORDER BY p.confirmed_at, p.receipt_no`,
    [dossierId],
  );
  return rows;
}

export async function markRefunded(q: Queryable, id: string, at: Date, reason: string): Promise<void> {
  // The reason joins the confirmation note rather than replacing it: both are part of the receipt's story.
  await q.query(`UPDATE payments SET status = 'refunded', refunded_at = $2, note = concat_ws(E'\\n', note, $3::text) WHERE id = $1`, [id, at, reason]);
}

/**
 * Next number in a receipt book (`<series>-<year>-<commune>-`), inside the caller's transaction. The advisory
 * lock serialises the book until commit, so two desks never take the same number and a rollback leaves no gap.
 */
export async function nextReceiptNumber(q: Queryable, prefix: string): Promise<number> {
  await q.query(`SELECT pg_advisory_xact_lock(hashtextextended('payments.receipt:' || $1, 0))`, [prefix]);
  const { rows } = await q.query<{ n: number }>(
    `SELECT coalesce(max(substr(receipt_no, length($1) + 1)::int), 0) + 1 AS n FROM payments WHERE starts_with(receipt_no, $1)`,
    [prefix],
  );
  return rows[0]!.n;
}
