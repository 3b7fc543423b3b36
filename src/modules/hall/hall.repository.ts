// The hall core's reads shared by its parts (queue, screen). A part's own queries live in its folder's repository.
import type { Queryable } from "../../platform/db/database.ts";
import type { HallCounter, HallService, QueueTicket } from "./hall.model.ts";

export const SERVICE_COLUMNS = `s.id, s.commune_code AS "communeCode", s.letter, s.name_vi AS "nameVi", s.name_en AS "nameEn",
  s.procedure_fields AS "procedureFields", s.position, s.active`;
export const COUNTER_COLUMNS = `k.id, k.commune_code AS "communeCode", k.number, k.name, k.service_ids AS "serviceIds", k.officer_id AS "officerId", k.active`;
export const TICKET_COLUMNS = `t.id, t.commune_code AS "communeCode", t.service_id AS "serviceId", to_char(t.day, 'YYYY-MM-DD') AS "day",
  t.number, t.label, t.source, t.phone, t.slot_start AS "slotStart", t.status, t.counter_id AS "counterId", t.called_by AS "calledBy",
  t.call_count AS "callCount", t.dossier_id AS "dossierId", t.procedure_code AS "procedureCode", t.taken_at AS "takenAt",
  t.called_at AS "calledAt", t.serving_at AS "servingAt", t.done_at AS "doneAt", t.version`;

export async function listServices(q: Queryable, communeCode: string, activeOnly = true): Promise<HallService[]> {
  const { rows } = await q.query<HallService>(
    `SELECT ${SERVICE_COLUMNS} FROM hall_services s WHERE s.commune_code = $1${activeOnly ? " AND s.active" : ""} ORDER BY s.position, s.letter`,
    [communeCode],
  );
  return rows;
}

export async function listCounters(q: Queryable, communeCode: string, activeOnly = true): Promise<HallCounter[]> {
  const { rows } = await q.query<HallCounter>(
    `SELECT ${COUNTER_COLUMNS} FROM hall_counters k WHERE k.commune_code = $1${activeOnly ? " AND k.active" : ""} ORDER BY k.number`,
    [communeCode],
  );
  return rows;
}

export async function findTicket(q: Queryable, id: string, lock = false): Promise<QueueTicket | null> {
  const { rows } = await q.query<QueueTicket>(`SELECT ${TICKET_COLUMNS} FROM queue_tickets t WHERE t.id = $1${lock ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}
