// The outbox handlers of the per-person channels (notices.sms, notices.zalo, notices.email): send, then record the
// delivery's outcome. Only a queued delivery is sent (a repeat of the outbox message after a crash, or a delivery
// already settled, sends nothing). A failure is recorded and rethrown, so the outbox retries with its backoff; on the
// last attempt the delivery is failed. An error no retry can fix (PermanentChannelError) fails it at once.
import type { Deps } from "../../../deps.ts";
import type { OutboxHandler, OutboxHandlers } from "../../../platform/jobs/outbox.ts";
import { PermanentChannelError } from "./channel-errors.ts";
import type { ChannelMessage, ChannelTransport, ChannelTransports } from "./channel.ts";
import { findDelivery, markAttemptFailed, markSent } from "./channels.repository.ts";
import { noticeChannels } from "./registry.ts";

type D = Pick<Deps, "db" | "clock" | "log" | "config">;

function asMessage(payload: unknown): ChannelMessage | null {
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Record<string, unknown>;
  const id = typeof p.deliveryId === "string" || typeof p.deliveryId === "number" ? String(p.deliveryId) : null;
  if (!id || !/^\d{1,18}$/.test(id) || typeof p.to !== "string") return null;
  return { ...p, deliveryId: id, to: p.to };
}

export function channelHandler(deps: D, channel: string, transport: ChannelTransport): OutboxHandler {
  const log = deps.log.child({ component: `notices.${channel}` });
  return async (payload, meta) => {
    const m = asMessage(payload);
    // A malformed payload can never succeed: logged and dropped rather than retried.
    if (!m) return log.error({ payload }, "channel message without deliveryId/to: dropped");
    const delivery = await findDelivery(deps.db, m.deliveryId);
    if (delivery?.status !== "queued") return;
    try {
      const r = await transport(m);
      await markSent(deps.db, m.deliveryId, r.providerId ?? null, deps.clock.now());
    } catch (err) {
      const permanent = err instanceof PermanentChannelError;
      const message = err instanceof Error ? err.message : String(err);
      await markAttemptFailed(deps.db, m.deliveryId, message, permanent || meta.final, deps.clock.now());
      if (permanent) return log.warn({ deliveryId: m.deliveryId, code: err.code }, "channel refused the message for good: failed");
      throw err;
    }
  };
}

/** One handler per adapter of the registry that has a transport; the topic is the adapter's. */
export function channelHandlers(deps: Deps, transports: ChannelTransports): OutboxHandlers {
  const out: OutboxHandlers = {};
  for (const adapter of Object.values(noticeChannels(deps.config))) {
    const transport = transports[adapter.name];
    if (transport) out[adapter.topic] = channelHandler(deps, adapter.name, transport);
  }
  return out;
}
