// Factories of notices' channels part: a delivery row as the fan-out leaves it (queued), written directly.
import type { Deps } from "../../src/deps.ts";

export async function buildDelivery(deps: Deps, seed: { noticeId: string; channel: string; address: string; status?: string; providerId?: string | null }) {
  const r = await deps.db.query<{ id: string }>(
    `INSERT INTO notice_deliveries (notice_id, channel, address, status, provider_id) VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
    [seed.noticeId, seed.channel, seed.address, seed.status ?? "queued", seed.providerId ?? null],
  );
  return r.rows[0]!.id;
}

export async function deliveryRow(deps: Deps, id: string) {
  const r = await deps.db.query<{
    status: string;
    providerId: string | null;
    attempts: number;
    lastError: string | null;
    sentAt: Date | null;
    deliveredAt: Date | null;
    failedAt: Date | null;
  }>(
    `SELECT status, provider_id AS "providerId", attempts, last_error AS "lastError", sent_at AS "sentAt", delivered_at AS "deliveredAt", failed_at AS "failedAt"
     FROM notice_deliveries WHERE id = $1`,
    [id],
  );
  return r.rows[0]!;
}
