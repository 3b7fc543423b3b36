// A ticket as its holder sees it (public by its unguessable id): number, service, status, people before them, the
// counter that called it. Also what the API returns after every action.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { HallService, QueueTicket } from "../hall.model.ts";
import { findTicket } from "../hall.repository.ts";
import * as repo from "../queue/queue.repository.ts";

export type TicketView = { ticket: QueueTicket; service: HallService; counterNumber: number | null; ahead: number | null };

export async function readTicket(q: Queryable, id: string, now: Date): Promise<TicketView | null> {
  const ticket = isUuid(id) ? await findTicket(q, id) : null;
  if (!ticket) return null;
  const service = await repo.findService(q, ticket.serviceId);
  if (!service) return null;
  const counter = ticket.counterId ? await repo.findCounter(q, ticket.counterId) : null;
  return { ticket, service, counterNumber: counter?.number ?? null, ahead: await repo.peopleAhead(q, ticket, now) };
}

/** The public ticket page and GET /api/v1/hall/tickets/{id}: anyone holding the id; a 404 otherwise. */
export async function viewTicket(deps: Pick<Deps, "db" | "clock">, id: string): Promise<TicketView> {
  const v = await readTicket(deps.db, id, deps.clock.now());
  if (!v) throw new AppError("not_found", "error.notFound");
  return v;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentTicket(v: TicketView, locale: "vi" | "en" = "vi") {
  const t = v.ticket;
  return {
    id: t.id,
    communeCode: t.communeCode,
    serviceId: t.serviceId,
    serviceName: locale === "en" ? v.service.nameEn : v.service.nameVi,
    day: t.day,
    label: t.label,
    source: t.source,
    slotStart: iso(t.slotStart),
    status: t.status,
    counterNumber: v.counterNumber,
    callCount: t.callCount,
    dossierId: t.dossierId,
    procedureCode: t.procedureCode,
    takenAt: t.takenAt.toISOString(),
    calledAt: iso(t.calledAt),
    servingAt: iso(t.servingAt),
    doneAt: iso(t.doneAt),
    ahead: v.ahead,
    version: t.version,
  };
}
