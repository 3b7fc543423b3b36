// The queue part's own SQL: numbering, tickets, counters' actions, settings and kiosk devices.
import type { Queryable } from "../../../platform/db/database.ts";
import type { HallCounter, HallService, QueueTicket } from "../hall.model.ts";
import { COUNTER_COLUMNS, SERVICE_COLUMNS, TICKET_COLUMNS } from "../hall.repository.ts";

export async function findService(q: Queryable, id: string): Promise<HallService | null> {
  const { rows } = await q.query<HallService>(`SELECT ${SERVICE_COLUMNS} FROM hall_services s WHERE s.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findCounter(q: Queryable, id: string, lock = false): Promise<HallCounter | null> {
  const { rows } = await q.query<HallCounter>(`SELECT ${COUNTER_COLUMNS} FROM hall_counters k WHERE k.id = $1${lock ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

export async function counterOfOfficer(q: Queryable, communeCode: string, officerId: string): Promise<HallCounter | null> {
  const { rows } = await q.query<HallCounter>(
    `SELECT ${COUNTER_COLUMNS} FROM hall_counters k WHERE k.commune_code = $1 AND k.officer_id = $2 AND k.active ORDER BY k.number LIMIT 1`,
    [communeCode, officerId],
  );
  return rows[0] ?? null;
}

/** The next number of (commune, service, day); the row stays locked until the caller's transaction ends. Null: 999 reached. */
export async function nextNumber(q: Queryable, communeCode: string, serviceId: string, day: string): Promise<number | null> {
  const { rows } = await q.query<{ n: number }>(
    `INSERT INTO queue_day_counters AS c (commune_code, service_id, day, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (commune_code, service_id, day) DO UPDATE SET last_number = c.last_number + 1 WHERE c.last_number < 999
     RETURNING c.last_number AS n`,
    [communeCode, serviceId, day],
  );
  return rows[0]?.n ?? null;
}

export type TicketInsert = Pick<QueueTicket, "communeCode" | "serviceId" | "day" | "number" | "label" | "source" | "phone" | "slotStart" | "takenAt"> & {
  requestToken: string | null;
  kioskId: string | null;
};

export async function insertTicket(q: Queryable, t: TicketInsert): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO queue_tickets (commune_code, service_id, day, number, label, source, phone, slot_start, request_token, kiosk_id, taken_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [t.communeCode, t.serviceId, t.day, t.number, t.label, t.source, t.phone, t.slotStart, t.requestToken, t.kioskId, t.takenAt],
  );
  return rows[0]!.id;
}

export async function ticketByRequestToken(q: Queryable, communeCode: string, token: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>("SELECT id FROM queue_tickets WHERE commune_code = $1 AND request_token = $2", [communeCode, token]);
  return rows[0]?.id ?? null;
}

/** A phone's waiting (or called) ticket for a service today: SMS and online requests re-send it instead of a second one. */
export async function openTicketOfPhone(q: Queryable, communeCode: string, serviceId: string, day: string, phone: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM queue_tickets WHERE commune_code = $1 AND service_id = $2 AND day = $3 AND phone = $4 AND status IN ('waiting', 'called')
     ORDER BY number LIMIT 1`,
    [communeCode, serviceId, day, phone],
  );
  return rows[0]?.id ?? null;
}

/** The last commune a phone took a number in (SMS without a commune code). */
export async function lastCommuneOfPhone(q: Queryable, phone: string): Promise<string | null> {
  const { rows } = await q.query<{ c: string }>("SELECT commune_code AS c FROM queue_tickets WHERE phone = $1 ORDER BY taken_at DESC LIMIT 1", [phone]);
  return rows[0]?.c ?? null;
}

/**
 * People called before this ticket, by the calling order (due online slots first, then the order taken): waiting
 * tickets of the same service and day that come first. Null once the ticket has left the queue, or for a slot not
 * yet due (its holder comes at the slot's time).
 */
export async function peopleAhead(q: Queryable, t: QueueTicket, now: Date): Promise<number | null> {
  if (t.status !== "waiting") return null;
  if (t.slotStart && t.slotStart > now) return null;
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM queue_tickets w
      WHERE w.commune_code = $1 AND w.service_id = $2 AND w.day = $3 AND w.status = 'waiting' AND w.id <> $4
        AND (CASE WHEN $5::timestamptz IS NOT NULL
                  THEN w.slot_start IS NOT NULL AND w.slot_start <= $6 AND (w.slot_start, w.number) < ($5::timestamptz, $7)
                  ELSE (w.slot_start IS NOT NULL AND w.slot_start <= $6) OR (w.slot_start IS NULL AND w.number < $7) END)`,
    [t.communeCode, t.serviceId, t.day, t.id, t.slotStart, now, t.number],
  );
  return rows[0]?.n ?? 0;
}

/** Waiting tickets per service today (what the counter page and the kiosk show). */
export async function waitingCounts(q: Queryable, communeCode: string, day: string): Promise<Map<string, number>> {
  const { rows } = await q.query<{ serviceId: string; n: number }>(
    `SELECT service_id AS "serviceId", count(*)::int AS n FROM queue_tickets WHERE commune_code = $1 AND day = $2 AND status = 'waiting' GROUP BY service_id`,
    [communeCode, day],
  );
  return new Map(rows.map((r) => [r.serviceId, r.n]));
}

/**
 * Locks the next ticket a counter calls: online slots already due first (earliest slot), then the order taken
 * (so within a service, the lowest number). SKIP LOCKED: two counters calling at once never get the same ticket.
 */
export async function lockNextTicket(q: Queryable, communeCode: string, day: string, serviceIds: string[], now: Date): Promise<QueueTicket | null> {
  const { rows } = await q.query<QueueTicket>(
    `SELECT ${TICKET_COLUMNS} FROM queue_tickets t
      WHERE t.commune_code = $1 AND t.day = $2 AND t.status = 'waiting' AND t.service_id = ANY($3::uuid[])
        AND (t.slot_start IS NULL OR t.slot_start <= $4)
      ORDER BY (t.slot_start IS NULL), t.slot_start, t.taken_at, t.number
      LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [communeCode, day, serviceIds, now],
  );
  return rows[0] ?? null;
}

export type TicketChange = {
  status: QueueTicket["status"];
  counterId?: string | null;
  calledBy?: string | null;
  callCount?: number;
  calledAt?: Date | null;
  servingAt?: Date | null;
  doneAt?: Date | null;
  dossierId?: string | null;
  procedureCode?: string | null;
};

/** Writes a change when the version still matches; false when someone else changed the ticket first. */
export async function updateTicket(q: Queryable, id: string, version: number, ch: TicketChange): Promise<boolean> {
  const sets: string[] = ["status = $3", "version = version + 1"];
  const values: unknown[] = [id, version, ch.status];
  const col: Record<Exclude<keyof TicketChange, "status">, string> = {
    counterId: "counter_id",
    calledBy: "called_by",
    callCount: "call_count",
    calledAt: "called_at",
    servingAt: "serving_at",
    doneAt: "done_at",
    dossierId: "dossier_id",
    procedureCode: "procedure_code",
  };
  for (const [k, c] of Object.entries(col) as [Exclude<keyof TicketChange, "status">, string][]) {
    if (ch[k] === undefined) continue;
    values.push(ch[k]);
    sets.push(`${c} = $${values.length}`);
  }
  const res = await q.query(`UPDATE queue_tickets SET ${sets.join(", ")} WHERE id = $1 AND version = $2`, values);
  return (res.rowCount ?? 0) === 1;
}

/** The tickets a counter has open now (called or being served), newest first. */
export async function openTicketsAtCounter(q: Queryable, counterId: string, day: string): Promise<QueueTicket[]> {
  const { rows } = await q.query<QueueTicket>(
    `SELECT ${TICKET_COLUMNS} FROM queue_tickets t WHERE t.counter_id = $1 AND t.day = $2 AND t.status IN ('called', 'serving') ORDER BY t.called_at DESC`,
    [counterId, day],
  );
  return rows;
}

export async function upsertService(
  q: Queryable,
  communeCode: string,
  s: { letter: string; nameVi: string; nameEn: string; procedureFields: string[]; position: number; active: boolean },
) {
  const { rows } = await q.query<{ id: string; created: boolean }>(
    `INSERT INTO hall_services (commune_code, letter, name_vi, name_en, procedure_fields, position, active) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (commune_code, letter) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en,
       procedure_fields = EXCLUDED.procedure_fields, position = EXCLUDED.position, active = EXCLUDED.active, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [communeCode, s.letter, s.nameVi, s.nameEn, s.procedureFields, s.position, s.active],
  );
  return rows[0]!;
}

export async function upsertCounter(q: Queryable, communeCode: string, k: { number: number; name: string; serviceIds: string[]; active: boolean }) {
  const { rows } = await q.query<{ id: string; created: boolean }>(
    `INSERT INTO hall_counters (commune_code, number, name, service_ids, active) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (commune_code, number) DO UPDATE SET name = EXCLUDED.name, service_ids = EXCLUDED.service_ids, active = EXCLUDED.active,
       officer_id = CASE WHEN EXCLUDED.active THEN hall_counters.officer_id END, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [communeCode, k.number, k.name, k.serviceIds, k.active],
  );
  return rows[0]!;
}

/** The officer sits at one counter of the commune: they leave any other one they sat at. */
export async function sitAtCounter(q: Queryable, communeCode: string, counterId: string, officerId: string): Promise<void> {
  await q.query("UPDATE hall_counters SET officer_id = NULL, updated_at = now() WHERE commune_code = $1 AND officer_id = $2 AND id <> $3", [
    communeCode,
    officerId,
    counterId,
  ]);
  await q.query("UPDATE hall_counters SET officer_id = $2, updated_at = now() WHERE id = $1", [counterId, officerId]);
}

export type KioskRow = {
  id: string;
  communeCode: string;
  name: string;
  active: boolean;
  activatedAt: Date | null;
  lastSeenAt: Date | null;
  setupExpiresAt: Date | null;
};
const KIOSK_COLUMNS = `id, commune_code AS "communeCode", name, active, activated_at AS "activatedAt", last_seen_at AS "lastSeenAt", setup_expires_at AS "setupExpiresAt"`;

export async function listKiosks(q: Queryable, communeCode: string): Promise<KioskRow[]> {
  const { rows } = await q.query<KioskRow>(`SELECT ${KIOSK_COLUMNS} FROM hall_kiosks WHERE commune_code = $1 ORDER BY created_at`, [communeCode]);
  return rows;
}

export async function insertKiosk(
  q: Queryable,
  k: { communeCode: string; name: string; setupHash: string; setupExpiresAt: Date; createdBy: string },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    "INSERT INTO hall_kiosks (commune_code, name, setup_hash, setup_expires_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [k.communeCode, k.name, k.setupHash, k.setupExpiresAt, k.createdBy],
  );
  return rows[0]!.id;
}

/** Uses a setup token once: the device's key hash replaces it. Null when unknown, used or expired. */
export async function activateKiosk(q: Queryable, setupHash: string, keyHash: string, now: Date): Promise<{ id: string; communeCode: string } | null> {
  const { rows } = await q.query<{ id: string; communeCode: string }>(
    `UPDATE hall_kiosks SET key_hash = $2, setup_hash = NULL, setup_expires_at = NULL, activated_at = $3
      WHERE setup_hash = $1 AND setup_expires_at > $3 AND active RETURNING id, commune_code AS "communeCode"`,
    [setupHash, keyHash, now],
  );
  return rows[0] ?? null;
}

export async function kioskByKeyHash(q: Queryable, keyHash: string): Promise<{ id: string; communeCode: string } | null> {
  const { rows } = await q.query<{ id: string; communeCode: string }>(
    `SELECT id, commune_code AS "communeCode" FROM hall_kiosks WHERE key_hash = $1 AND active`,
    [keyHash],
  );
  return rows[0] ?? null;
}

export async function touchKiosk(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query("UPDATE hall_kiosks SET last_seen_at = $2 WHERE id = $1", [id, now]);
}

export async function revokeKiosk(q: Queryable, communeCode: string, id: string): Promise<boolean> {
  const res = await q.query("UPDATE hall_kiosks SET active = false, key_hash = NULL, setup_hash = NULL WHERE id = $1 AND commune_code = $2", [id, communeCode]);
  return (res.rowCount ?? 0) === 1;
}

/** Residence by the registry's published view (phones kept as 0xxxxxxxxx or +84…). */
export async function communeOfResidentPhone(q: Queryable, e164: string): Promise<string | null> {
  const local = e164.startsWith("+84") ? `0${e164.slice(3)}` : e164;
  const { rows } = await q.query<{ c: string }>("SELECT commune_code AS c FROM resident_contact_refs WHERE phone IN ($1, $2) AND archived_at IS NULL LIMIT 1", [
    e164,
    local,
  ]);
  return rows[0]?.c ?? null;
}
