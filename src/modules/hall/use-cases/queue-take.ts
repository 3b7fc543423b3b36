// Taking a number: at the kiosk (a registered device, or anyone opening the kiosk address), at the desk (an officer
// with hall.serve), by SMS (queue-sms.ts) or online for a slot (queue-book.ts). Numbers run per commune, service and
// Vietnam day without gaps or duplicates (queue_day_counters, locked by the increment until the ticket commits).
import { createHash } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { reserve, type ThrottleLimit } from "../../../platform/throttle/throttle.ts";
import { toE164Vn } from "../../notifications/index.ts";
import { signalHallChange } from "../hall-events.ts";
import { type TicketSource, ticketLabel } from "../hall.model.ts";
import { TakeInput } from "../queue/queue.contract.ts";
import * as repo from "../queue/queue.repository.ts";
import { hallCommune } from "./queue-commune.ts";

type Ctx = Context & { principal: Principal | null };

/** A registered kiosk: one ticket per 2 seconds (a double tap is the same ticket anyway), 600 a day. */
export const KIOSK_LIMITS = { burst: { limit: 1, windowMs: 2_000 }, daily: { limit: 600, windowMs: 86_400_000 } } as const;
/** Anyone else taking numbers from the kiosk address: 3 per 10 minutes and 10 a day per address. */
export const ADDRESS_LIMITS = { burst: { limit: 3, windowMs: 600_000 }, daily: { limit: 10, windowMs: 86_400_000 } } as const;

export const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

/** The registered kiosk a device's key names, when it belongs to this commune. */
export async function kioskOfKey(q: Queryable, communeCode: string, key: string | null | undefined): Promise<{ id: string } | null> {
  if (!key || key.length < 20 || key.length > 100) return null;
  const k = await repo.kioskByKeyHash(q, sha256(key));
  return k && k.communeCode === communeCode ? { id: k.id } : null;
}

const tooMany = (messageKey: MessageKey, retryAfterSeconds: number, limit: number) =>
  new AppError(
    "too_many_requests",
    messageKey,
    [],
    { limit, seconds: retryAfterSeconds, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    retryAfterSeconds,
  );

export type IssueInput = {
  communeCode: string;
  serviceId: string;
  source: TicketSource;
  day: string;
  phone?: string | null;
  slotStart?: Date | null;
  requestToken?: string | null;
  kioskId?: string | null;
  actor: Context["actor"];
  requestId: string | null;
};

/** Issues the next number inside q's transaction and signals the screens. Shared by every way of taking a number. */
export async function issueTicket(q: Queryable, deps: Pick<Deps, "events" | "clock">, input: IssueInput): Promise<string> {
  const { rows } = await q.query<{ letter: string }>("SELECT letter FROM hall_services WHERE id = $1", [input.serviceId]);
  const letter = rows[0]?.letter ?? "?";
  const n = await repo.nextNumber(q, input.communeCode, input.serviceId, input.day);
  if (n === null) throw new AppError("conflict", "hall.queue.error.full");
  const id = await repo.insertTicket(q, {
    communeCode: input.communeCode,
    serviceId: input.serviceId,
    day: input.day,
    number: n,
    label: ticketLabel(letter, n),
    source: input.source,
    phone: input.phone ?? null,
    slotStart: input.slotStart ?? null,
    requestToken: input.requestToken ?? null,
    kioskId: input.kioskId ?? null,
    takenAt: deps.clock.now(),
  });
  await signalHallChange(q, input.communeCode);
  await deps.events.publish(q, {
    type: "queueTicket.taken",
    actor: input.actor,
    target: { type: "queue_ticket", id },
    adminUnitCode: input.communeCode,
    requestId: input.requestId,
    details: { label: ticketLabel(letter, n), source: input.source, day: input.day, ...(input.kioskId ? { kioskId: input.kioskId } : {}) },
  });
  return id;
}

export type TakeVia = { kioskKey?: string | null; clientIp: string | null };

/**
 * Takes a number for a service of the commune. An officer with hall.serve takes it for someone at the desk (no
 * limit); a registered kiosk is limited per device; anyone else per address. The same requestToken gives the same
 * ticket back, without counting against a limit.
 */
export async function takeTicket(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Ctx,
  communeCode: string,
  raw: unknown,
  via: TakeVia,
): Promise<{ id: string; reused: boolean }> {
  const unit = await hallCommune(deps, communeCode);
  const parsed = TakeInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const service = isUuid(input.serviceId) ? await repo.findService(deps.db, input.serviceId) : null;
  if (!service || service.communeCode !== unit.code || !service.active)
    throw new AppError("validation", "error.validation", [{ field: "serviceId", code: "unknown", message: "hall.queue.error.service" }]);
  const desk = can(ctx.principal, "hall.serve", unit);
  let phone: string | null = null;
  if (input.phone) {
    phone = toE164Vn(input.phone);
    if (!phone) throw new AppError("validation", "error.validation", [{ field: "phone", code: "format", message: "hall.queue.error.phone" }]);
  }
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    if (input.requestToken) {
      await q.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`hall.take:${unit.code}:${input.requestToken}`]);
      const existing = await repo.ticketByRequestToken(q, unit.code, input.requestToken);
      if (existing) return { id: existing, reused: true };
    }
    const kiosk = desk ? null : await kioskOfKey(q, unit.code, via.kioskKey);
    if (!desk) {
      const limits: ThrottleLimit[] = kiosk
        ? [
            { key: `kiosk:${kiosk.id}:burst`, ...KIOSK_LIMITS.burst },
            { key: `kiosk:${kiosk.id}:day`, ...KIOSK_LIMITS.daily },
          ]
        : [
            { key: `ip:${via.clientIp ?? "unknown"}:burst`, ...ADDRESS_LIMITS.burst },
            { key: `ip:${via.clientIp ?? "unknown"}:day`, ...ADDRESS_LIMITS.daily },
          ];
      const held = await reserve(q, "hall.take", limits, now);
      if (!held.allowed) {
        const daily = held.key.endsWith(":day");
        const lim = kiosk ? KIOSK_LIMITS : ADDRESS_LIMITS;
        throw tooMany(
          kiosk
            ? daily
              ? "hall.queue.error.kioskDaily"
              : "hall.queue.error.kioskBurst"
            : daily
              ? "hall.queue.error.addressDaily"
              : "hall.queue.error.addressBurst",
          held.retryAfterSeconds,
          daily ? lim.daily.limit : lim.burst.limit,
        );
      }
      if (kiosk) await repo.touchKiosk(q, kiosk.id, now);
    }
    const id = await issueTicket(q, deps, {
      communeCode: unit.code,
      serviceId: service.id,
      source: desk ? "desk" : "kiosk",
      day: toLocalDay(now),
      phone,
      requestToken: input.requestToken ?? null,
      kioskId: kiosk?.id ?? null,
      actor: ctx.actor,
      requestId: ctx.requestId,
    });
    return { id, reused: false };
  });
}
