// "SO A" by SMS: a queue ticket for service A today, the number texted back. Wired into the notices module's inbound
// SMS by src/modules.ts. Forms: "SO A", "SO HO TICH" (a word of the service's name), "SO 02923 A" (with the commune's
// code). Without a code the commune is the sender's residence in the registry, else the last commune they queued in.
// One open ticket per phone, service and day: asking again re-sends the same number.
import type { Deps } from "../../../deps.ts";
import { SYSTEM_ACTOR } from "../../../platform/events/domain-events.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { reserve } from "../../../platform/throttle/throttle.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { SmsKeywordHandler } from "../../notices/index.ts";
import { toSmsText } from "../../notifications/index.ts";
import { hallPaths } from "../hall-paths.ts";
import type { HallService } from "../hall.model.ts";
import { listServices } from "../hall.repository.ts";
import { issueTicket } from "../use-cases/queue-take.ts";
import { readTicket } from "../use-cases/queue-ticket-view.ts";
import * as repo from "./queue.repository.ts";

/** SMS tickets per phone a day (a resident queues for a few services at most; more is a script). */
export const SMS_TICKETS_PER_DAY = 5;

/** The service a word (or words) names: its letter, or a word of its Vietnamese name without diacritics. */
export function pickService(services: HallService[], words: string[]): HallService | null {
  if (words.length === 0) return services.length === 1 ? services[0]! : null;
  const first = words[0]!;
  if (/^[A-Z]$/.test(first)) return services.find((s) => s.letter === first) ?? null;
  const wanted = searchKey(words.join(" "));
  const matches = services.filter((s) => searchKey(s.nameVi).includes(wanted) || searchKey(s.nameEn).includes(wanted));
  return matches.length === 1 ? matches[0]! : null;
}

export const hallSmsKeyword: SmsKeywordHandler = {
  keywords: ["SO"],
  handle: async (deps: Deps, sms) => {
    const t = translator("vi");
    const text = (s: string, keep: string[] = []) => ({ reply: toSmsText(s, { maxSegments: 1, keep }).text });
    const rest = sms.words.slice(1);
    const phone = sms.from;
    let commune: string | null = null;
    if (rest[0] && /^\d{5}$/.test(rest[0])) {
      const unit = await getAdminUnit(deps, rest[0]).catch(() => null);
      if (unit?.level !== "commune") return text(t("hall.queue.sms.unknownCommune"));
      commune = unit.code;
      rest.shift();
    } else {
      commune = (await repo.communeOfResidentPhone(deps.db, phone)) ?? (await repo.lastCommuneOfPhone(deps.db, phone));
    }
    if (!commune) return text(t("hall.queue.sms.howTo"));
    const services = await listServices(deps.db, commune);
    if (services.length === 0) return text(t("hall.queue.sms.noServices"));
    const service = pickService(services, rest);
    if (!service) return text(t("hall.queue.sms.whichService", { list: services.map((s) => `${s.letter}=${s.nameVi}`).join(", ") }));
    const now = deps.clock.now();
    const day = toLocalDay(now);
    try {
      const id = await deps.db.tx(async (q) => {
        await q.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`hall.sms:${phone}`]);
        const open = await repo.openTicketOfPhone(q, commune, service.id, day, phone);
        if (open) return open;
        const held = await reserve(q, "hall.sms", [{ key: `phone:${phone}`, limit: SMS_TICKETS_PER_DAY, windowMs: 86_400_000 }], now);
        if (!held.allowed) return null;
        return issueTicket(q, deps, { communeCode: commune, serviceId: service.id, source: "sms", day, phone, actor: SYSTEM_ACTOR, requestId: null });
      });
      if (!id) return text(t("hall.queue.sms.tooMany", { limit: SMS_TICKETS_PER_DAY }));
      const view = await readTicket(deps.db, id, now);
      const link = `${deps.config.publicUrl ?? ""}${hallPaths.ticket(id)}`;
      return {
        reply: toSmsText(t("hall.queue.sms.ticket", { label: view?.ticket.label ?? "", ahead: view?.ahead ?? 0, link }), { maxSegments: 2, keep: [link] }).text,
      };
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") return text(t("hall.queue.sms.full"));
      throw err;
    }
  },
};
