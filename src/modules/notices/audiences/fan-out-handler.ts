// The outbox handler of notices.fan-out: audience → deliveries and per-channel messages. Filled by the audiences part.
import type { Deps } from "../../../deps.ts";
import type { OutboxHandlers } from "../../../platform/jobs/outbox.ts";

export function fanOutHandlers(_deps: Deps): OutboxHandlers {
  return {};
}
