// Booking a number online for a time slot: 30-minute slots inside the office hours of the working calendar, today
// (slots starting at least 15 minutes from now) and the next 3 working days; at most SLOT_CAPACITY bookings per
// service and slot. The ticket is issued at once for the slot's day (source 'online', slot_start) and is called first
// once its slot begins. The phone gets an SMS confirmation through the outbox; limits per address and per phone.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { localInstant, nextLocalDay, toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { enqueue } from "../../../platform/jobs/outbox.ts";
import { reserve } from "../../../platform/throttle/throttle.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { SMS_TOPIC, toE164Vn, toSmsText } from "../../notifications/index.ts";
import { hallPaths } from "../hall-paths.ts";
import * as repo from "../queue/queue.repository.ts";
import { hallCommune } from "./queue-commune.ts";
import { issueTicket } from "./queue-take.ts";

type Ctx = Context & { principal: Principal | null };
type BookDeps = Pick<Deps, "db" | "events" | "clock" | "config">;

export const SLOT_MINUTES = 30;
export const SLOT_CAPACITY = 2;
export const BOOKING_DAYS_AHEAD = 3;
export const BOOKING_LEAD_MINUTES = 15;
/** Bookings per address: 5 an hour; per phone: 3 a day. */
export const BOOKING_LIMITS = { perAddress: { limit: 5, windowMs: 3_600_000 }, perPhone: { limit: 3, windowMs: 86_400_000 } } as const;

export type Slot = { start: Date; day: string; time: string; free: number };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** The slots offered for a service now, with the places left in each. */
export async function bookableSlots(deps: BookDeps, communeCode: string, serviceId: string): Promise<Slot[]> {
  const cal = await loadWorkCalendar(deps);
  const now = deps.clock.now();
  const earliest = now.getTime() + BOOKING_LEAD_MINUTES * 60_000;
  const slots: Slot[] = [];
  let day = toLocalDay(now);
  let workDays = 0;
  for (let guard = 0; guard < 30 && workDays <= BOOKING_DAYS_AHEAD; guard++, day = nextLocalDay(day)) {
    if (!cal.isWorkingDay(day)) continue;
    if (day !== toLocalDay(now)) workDays++;
    for (const s of cal.hours.sessions)
      for (let m = minutesOf(s.start); m + SLOT_MINUTES <= minutesOf(s.end); m += SLOT_MINUTES) {
        const start = localInstant(day, hhmm(m));
        if (start.getTime() >= earliest) slots.push({ start, day, time: hhmm(m), free: SLOT_CAPACITY });
      }
  }
  if (slots.length === 0) return slots;
  const { rows } = await deps.db.query<{ at: Date; n: number }>(
    `SELECT slot_start AS at, count(*)::int AS n FROM queue_tickets
      WHERE commune_code = $1 AND service_id = $2 AND source = 'online' AND slot_start >= $3 AND status <> 'cancelled' GROUP BY slot_start`,
    [communeCode, serviceId, slots[0]!.start],
  );
  const taken = new Map(rows.map((r) => [r.at.getTime(), r.n]));
  return slots.map((s) => ({ ...s, free: Math.max(0, SLOT_CAPACITY - (taken.get(s.start.getTime()) ?? 0)) }));
}

const invalid = (field: string, message: FieldError["message"]) => new AppError("validation", "error.validation", [{ field, code: "invalid", message }]);

export type BookInput = { serviceId: string; slotStart: string; phone: string };

/** Books a slot: the ticket's id (the same one when this phone already holds a booking for the service that day). */
export async function bookSlot(
  deps: BookDeps,
  ctx: Ctx,
  communeCode: string,
  input: BookInput,
  via: { clientIp: string | null },
): Promise<{ id: string; reused: boolean }> {
  const unit = await hallCommune(deps, communeCode);
  const errors: FieldError[] = [];
  const service = isUuid(input.serviceId) ? await repo.findService(deps.db, input.serviceId) : null;
  if (!service || service.communeCode !== unit.code || !service.active)
    errors.push({ field: "serviceId", code: "unknown", message: "hall.queue.error.service" });
  const phone = toE164Vn(input.phone ?? "");
  if (!phone) errors.push({ field: "phone", code: "format", message: "hall.queue.error.phone" });
  const slots = service ? await bookableSlots(deps, unit.code, service.id) : [];
  const at = Date.parse(input.slotStart ?? "");
  const slot = Number.isNaN(at) ? undefined : slots.find((s) => s.start.getTime() === at);
  if (service && !slot) errors.push({ field: "slotStart", code: "unknown", message: "hall.queue.error.slot" });
  if (errors.length > 0) throw new AppError("validation", "error.validation", errors);
  if (!service || !slot || !phone) throw invalid("slotStart", "hall.queue.error.slot");
  const now = deps.clock.now();
  const t = translator("vi");
  return deps.db.tx(async (q) => {
    await q.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`hall.book:${service.id}:${slot.day}`]);
    const open = await repo.openTicketOfPhone(q, unit.code, service.id, slot.day, phone);
    if (open) return { id: open, reused: true };
    const { rows } = await q.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM queue_tickets WHERE service_id = $1 AND slot_start = $2 AND source = 'online' AND status <> 'cancelled'",
      [service.id, slot.start],
    );
    if ((rows[0]?.n ?? 0) >= SLOT_CAPACITY) throw new AppError("conflict", "hall.queue.error.slotFull");
    const held = await reserve(
      q,
      "hall.book",
      [
        { key: `ip:${via.clientIp ?? "unknown"}`, ...BOOKING_LIMITS.perAddress },
        { key: `phone:${phone}`, ...BOOKING_LIMITS.perPhone },
      ],
      now,
    );
    if (!held.allowed) {
      const byPhone = held.key.startsWith("phone:");
      const limit = byPhone ? BOOKING_LIMITS.perPhone.limit : BOOKING_LIMITS.perAddress.limit;
      throw new AppError(
        "too_many_requests",
        byPhone ? "hall.queue.error.bookPhone" : "hall.queue.error.bookAddress",
        [],
        { limit, minutes: Math.max(1, Math.ceil(held.retryAfterSeconds / 60)) },
        held.retryAfterSeconds,
      );
    }
    const id = await issueTicket(q, deps, {
      communeCode: unit.code,
      serviceId: service.id,
      source: "online",
      day: slot.day,
      phone,
      slotStart: slot.start,
      actor: ctx.actor,
      requestId: ctx.requestId,
    });
    const label = (await q.query<{ label: string }>("SELECT label FROM queue_tickets WHERE id = $1", [id])).rows[0]!.label;
    const link = `${deps.config.publicUrl ?? ""}${hallPaths.ticket(id)}`;
    const [y, m, d] = slot.day.split("-");
    const text = toSmsText(t("hall.queue.book.sms", { label, time: slot.time, date: `${d}/${m}/${y}`, link }), { maxSegments: 2, keep: [link, label] }).text;
    await enqueue(q, { topic: SMS_TOPIC, payload: { to: phone, text }, dedupeKey: `hall:book:${id}` });
    return { id, reused: false };
  });
}
