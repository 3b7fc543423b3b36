// SQL of notices' channels part: a commune's Zalo account (notice_zalo_accounts) and the outcome of each delivery
// (notice_deliveries). Every status change is guarded by the current status, so a late or repeated report never
// moves a final delivery.
import type { Queryable } from "../../../platform/db/database.ts";
import type { ZaloParamSource } from "./channels.contract.ts";

export type ZaloAccountRow = {
  unitCode: string;
  unitPath: string;
  appId: string;
  appSecret: string;
  oaId: string;
  templateId: string;
  templateParams: Record<string, ZaloParamSource>;
  accessToken: string;
  refreshToken: string | null;
  tokenExpiresAt: Date | null;
  oaSecretKey: string;
  lastRefreshAt: Date | null;
  lastError: string | null;
  updatedAt: Date;
};

const ZALO_COLUMNS = `unit_code AS "unitCode", unit_path AS "unitPath", app_id AS "appId", app_secret AS "appSecret", oa_id AS "oaId",
  template_id AS "templateId", template_params AS "templateParams", access_token AS "accessToken", refresh_token AS "refreshToken",
  token_expires_at AS "tokenExpiresAt", oa_secret_key AS "oaSecretKey", last_refresh_at AS "lastRefreshAt", last_error AS "lastError",
  updated_at AS "updatedAt"`;

export async function findZaloAccount(q: Queryable, unitCode: string, opts: { lock?: boolean } = {}): Promise<ZaloAccountRow | null> {
  const r = await q.query<ZaloAccountRow>(`SELECT ${ZALO_COLUMNS} FROM notice_zalo_accounts WHERE unit_code = $1${opts.lock ? " FOR UPDATE" : ""}`, [unitCode]);
  return r.rows[0] ?? null;
}

/** The account a callback names (Zalo sends the app id; the OA id when present narrows it). */
export async function findZaloAccountsByApp(q: Queryable, appId: string, oaId: string | undefined): Promise<ZaloAccountRow[]> {
  const r = await q.query<ZaloAccountRow>(
    `SELECT ${ZALO_COLUMNS} FROM notice_zalo_accounts WHERE app_id = $1 AND ($2::text IS NULL OR oa_id = $2) ORDER BY unit_code`,
    [appId, oaId ?? null],
  );
  return r.rows;
}

export type ZaloAccountWrite = Omit<ZaloAccountRow, "lastRefreshAt" | "lastError" | "updatedAt">;

export async function upsertZaloAccount(q: Queryable, a: ZaloAccountWrite, by: string | null, now: Date): Promise<boolean> {
  const r = await q.query<{ created: boolean }>(
    `INSERT INTO notice_zalo_accounts (unit_code, unit_path, app_id, app_secret, oa_id, template_id, template_params, access_token,
       refresh_token, token_expires_at, oa_secret_key, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (unit_code) DO UPDATE SET app_id = EXCLUDED.app_id, app_secret = EXCLUDED.app_secret, oa_id = EXCLUDED.oa_id,
       template_id = EXCLUDED.template_id, template_params = EXCLUDED.template_params, access_token = EXCLUDED.access_token,
       refresh_token = EXCLUDED.refresh_token, token_expires_at = EXCLUDED.token_expires_at, oa_secret_key = EXCLUDED.oa_secret_key,
       last_error = NULL, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS created`,
    [
      a.unitCode,
      a.unitPath,
      a.appId,
      a.appSecret,
      a.oaId,
      a.templateId,
      JSON.stringify(a.templateParams),
      a.accessToken,
      a.refreshToken,
      a.tokenExpiresAt,
      a.oaSecretKey,
      by,
      now,
    ],
  );
  return r.rows[0]!.created;
}

export async function saveZaloTokens(
  q: Queryable,
  unitCode: string,
  t: { accessToken: string; refreshToken: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE notice_zalo_accounts SET access_token = $2, refresh_token = $3, token_expires_at = $4, last_refresh_at = $5, last_error = NULL
     WHERE unit_code = $1`,
    [unitCode, t.accessToken, t.refreshToken, t.expiresAt, now],
  );
}

export async function saveZaloError(q: Queryable, unitCode: string, error: string): Promise<void> {
  await q.query(`UPDATE notice_zalo_accounts SET last_error = $2 WHERE unit_code = $1`, [unitCode, error.slice(0, 300)]);
}

export async function deleteZaloAccount(q: Queryable, unitCode: string): Promise<boolean> {
  const r = await q.query(`DELETE FROM notice_zalo_accounts WHERE unit_code = $1`, [unitCode]);
  return (r.rowCount ?? 0) > 0;
}

// ── deliveries ──────────────────────────────────────────────────────────────────────────────────────────────────
export type DeliveryState = { id: string; status: string; attempts: number; providerId: string | null };

export async function findDelivery(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<DeliveryState | null> {
  const r = await q.query<DeliveryState>(
    `SELECT id::text AS id, status, attempts, provider_id AS "providerId" FROM notice_deliveries WHERE id = $1${opts.lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** The gateway accepted it: sent, with its id for the delivery report. */
export async function markSent(q: Queryable, id: string, providerId: string | null, now: Date): Promise<void> {
  await q.query(
    `UPDATE notice_deliveries SET status = 'sent', provider_id = $2, sent_at = $3, attempts = attempts + 1, last_error = NULL, updated_at = $3
     WHERE id = $1 AND status = 'queued'`,
    [id, providerId, now],
  );
}

/** One attempt failed; `final`: no more attempts (the outbox gave up, or the error can never succeed). */
export async function markAttemptFailed(q: Queryable, id: string, error: string, final: boolean, now: Date): Promise<void> {
  await q.query(
    `UPDATE notice_deliveries SET attempts = attempts + 1, last_error = $2, updated_at = $3,
       status = CASE WHEN $4 THEN 'failed' ELSE status END, failed_at = CASE WHEN $4 THEN $3 ELSE failed_at END
     WHERE id = $1 AND status = 'queued'`,
    [id, error.slice(0, 500), now, final],
  );
}

export type ReportOutcome = "processed" | "ignored" | "unknown";

/**
 * A delivery report: sent → delivered or failed. Queued is accepted too (a report may overtake our own commit of the
 * provider id only in theory; the provider id must match anyway). Final deliveries are left alone: "ignored".
 */
export async function applyReport(
  q: Queryable,
  channel: string,
  providerId: string,
  r: { status: "delivered" | "failed"; error: string | null; at: Date },
): Promise<ReportOutcome> {
  const found = await q.query<{ id: string; status: string }>(
    `SELECT id::text AS id, status FROM notice_deliveries WHERE channel = $1 AND provider_id = $2 FOR UPDATE`,
    [channel, providerId],
  );
  if (found.rows.length === 0) return "unknown";
  let changed = 0;
  for (const row of found.rows) {
    if (row.status !== "sent" && row.status !== "queued") continue;
    await q.query(
      r.status === "delivered"
        ? `UPDATE notice_deliveries SET status = 'delivered', delivered_at = $2, updated_at = now() WHERE id = $1`
        : `UPDATE notice_deliveries SET status = 'failed', failed_at = $2, last_error = $3, updated_at = now() WHERE id = $1`,
      r.status === "delivered" ? [row.id, r.at] : [row.id, r.at, (r.error ?? "failed").slice(0, 500)],
    );
    changed++;
  }
  return changed > 0 ? "processed" : "ignored";
}
