// The outbox handlers of the per-person channels (notices.sms, notices.zalo, notices.email): send, then record the
// delivery's outcome. Filled by the channels part.
import type { Deps } from "../../../deps.ts";
import type { OutboxHandlers } from "../../../platform/jobs/outbox.ts";
import type { ChannelTransports } from "./channel.ts";

export function channelHandlers(_deps: Deps, _transports: ChannelTransports): OutboxHandlers {
  return {};
}
