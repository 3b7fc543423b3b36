// Every outbox handler of the notices module, for the worker main.ts starts: the fan-out, and each channel's sends.
import type { Deps } from "../../deps.ts";
import type { OutboxHandlers } from "../../platform/jobs/outbox.ts";
import { fanOutHandlers } from "./audiences/fan-out-handler.ts";
import type { ChannelTransports } from "./channels/channel.ts";
import { channelHandlers } from "./channels/channel-handlers.ts";

export function noticeOutboxHandlers(deps: Deps, transports: ChannelTransports): OutboxHandlers {
  return { ...fanOutHandlers(deps), ...channelHandlers(deps, transports) };
}
