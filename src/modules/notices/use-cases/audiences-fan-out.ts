// A published notice becomes deliveries: one per distinct address per chosen per-person channel, each with one outbox
// message on its adapter's topic, all in ONE transaction with the notice locked: a crash leaves nothing half-queued,
// and fanned_out_at (set once) with the deliveries' unique key means nothing is ever sent twice. Run by the outbox
// handler of notices.fan-out (audiences/fan-out-handler.ts).
import type { Deps } from "../../../deps.ts";
import { localInstant, toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { SYSTEM_ACTOR } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { enqueue, enqueueMany, type OutboxMessage } from "../../../platform/jobs/outbox.ts";
import { audienceInputOf, personChannelsOf } from "../audiences/audience-input.ts";
import * as repo from "../audiences/audiences.repository.ts";
import { planSmsDays } from "../audiences/sms-cap.ts";
import { findNotice } from "../notices.repository.ts";
import { FAN_OUT_TOPIC } from "./audiences-queue-fan-out.ts";

export type ChannelFanOut = { queued: number; deferred: number; skipped: number; costVnd: number };
export type FanOutResult =
  | { outcome: "missing" | "withdrawn" | "not_approved" | "already_done" | "not_due" }
  | { outcome: "done"; channels: Record<string, ChannelFanOut> };

/** Why an adapter refused a message, short enough for skip_reason (e.g. "smsText:required"). */
function skipReason(err: unknown): string {
  if (err instanceof AppError) {
    const f = err.fields[0];
    return (f ? `${f.field}:${f.code}` : err.code).slice(0, 200);
  }
  return (err instanceof Error ? err.message : String(err)).slice(0, 200);
}

export async function fanOutNotice(deps: Pick<Deps, "db" | "clock" | "config" | "events">, noticeId: string): Promise<FanOutResult> {
  return deps.db.tx(async (q) => {
    const n = await findNotice(q, noticeId, true);
    if (!n) return { outcome: "missing" };
    if (n.status === "withdrawn") return { outcome: "withdrawn" };
    if (n.status !== "scheduled" && n.status !== "published") return { outcome: "not_approved" };
    const now = deps.clock.now();
    if (n.status === "scheduled" && n.scheduledAt && n.scheduledAt.getTime() > now.getTime()) {
      // Moved later after it was queued: come back at the new time (a key per time, so each is queued once).
      await enqueue(q, {
        topic: FAN_OUT_TOPIC,
        payload: { noticeId: n.id },
        dedupeKey: `notice:${n.id}:fan-out:${n.scheduledAt.toISOString()}`,
        notBefore: n.scheduledAt,
      });
      return { outcome: "not_due" };
    }
    if (n.fannedOutAt) return { outcome: "already_done" };

    const input = audienceInputOf(n);
    const result: Record<string, ChannelFanOut> = {};
    for (const channel of personChannelsOf(deps.config, n.channels)) {
      const unitCost = channel.costVnd(n);
      const rows = await repo.insertDeliveries(q, n.id, input, channel, n.category, unitCost, now);
      const ready: { id: string; message: unknown }[] = [];
      const skipped = new Map<string, string[]>();
      for (const r of rows) {
        try {
          ready.push({ id: r.id, message: channel.message(n, r.address, r.id) });
        } catch (err) {
          const reason = skipReason(err);
          skipped.set(reason, [...(skipped.get(reason) ?? []), r.id]);
        }
      }
      for (const [reason, ids] of skipped) await repo.markSkipped(q, ids, reason);

      // The SMS daily cap of the issuing unit: what the day has left goes now, the rest at 07:00 of later days.
      let dueAts: (Date | null)[] = ready.map(() => null);
      if (channel.name === "sms") {
        await repo.lockSmsCap(q, n.unitCode);
        const dueByDay = await repo.smsDueByDay(q, n.unitCode, localInstant(toLocalDay(now)), n.id);
        const plan = planSmsDays({ count: ready.length, cap: deps.config.notices.smsDailyCap, dueByDay, now, emergency: n.category === "emergency" });
        dueAts = plan.flatMap((b) => Array.from({ length: b.count }, () => b.dueAt));
        let at = 0;
        for (const b of plan) {
          if (b.dueAt)
            await repo.setDue(
              q,
              ready.slice(at, at + b.count).map((r) => r.id),
              b.dueAt,
            );
          at += b.count;
        }
      }
      const messages: OutboxMessage[] = ready.map((r, i) => ({
        topic: channel.topic,
        payload: r.message,
        dedupeKey: `notice-delivery:${r.id}`,
        ...(dueAts[i] ? { notBefore: dueAts[i] } : {}),
      }));
      await enqueueMany(q, messages);
      const skippedCount = [...skipped.values()].reduce((s, ids) => s + ids.length, 0);
      result[channel.name] = {
        queued: ready.length,
        deferred: dueAts.filter((d) => d !== null).length,
        skipped: skippedCount,
        costVnd: ready.length * unitCost,
      };
    }
    await repo.markFannedOut(q, n.id, now, n.status === "scheduled");
    await deps.events.publish(q, {
      type: "notice.fannedOut",
      actor: SYSTEM_ACTOR,
      target: { type: "notice", id: n.id },
      adminUnitCode: n.unitCode,
      requestId: null,
      details: { channels: result, publishedNow: n.status === "scheduled" },
    });
    return { outcome: "done", channels: result };
  });
}
