// Queue tickets written directly, for the big screen's and the figures' tests (the queue part takes and calls them
// through its own use cases; these tests only read them).
import type { Queryable } from "../../src/platform/db/database.ts";
import { ticketLabel } from "../../src/modules/hall/index.ts";
import { GIA_PHU } from "./factories.ts";

export type TicketSeed = {
  communeCode?: string;
  serviceId: string;
  letter?: string;
  day: string;
  number: number;
  status?: "waiting" | "called" | "serving" | "done" | "no_show" | "cancelled";
  source?: "kiosk" | "sms" | "online" | "desk";
  counterId?: string | null;
  procedureCode?: string | null;
  slotStart?: Date | null;
  takenAt: Date;
  calledAt?: Date | null;
  servingAt?: Date | null;
  doneAt?: Date | null;
  callCount?: number;
};

export async function buildTicket(q: Queryable, s: TicketSeed): Promise<{ id: string; label: string }> {
  const label = ticketLabel(s.letter ?? "A", s.number);
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO queue_tickets (commune_code, service_id, day, number, label, source, status, counter_id, procedure_code, slot_start,
       taken_at, called_at, serving_at, done_at, call_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      s.communeCode ?? GIA_PHU,
      s.serviceId,
      s.day,
      s.number,
      label,
      s.source ?? "kiosk",
      s.status ?? "waiting",
      s.counterId ?? null,
      s.procedureCode ?? null,
      s.slotStart ?? null,
      s.takenAt,
      s.calledAt ?? null,
      s.servingAt ?? null,
      s.doneAt ?? null,
      s.callCount ?? (s.calledAt ? 1 : 0),
    ],
  );
  return { id: rows[0]!.id, label };
}
