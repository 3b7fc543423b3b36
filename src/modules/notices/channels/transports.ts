// The transports of the per-person channels, built from the configuration by main.ts (tests pass fakes).
// Filled by the channels part: SMS through the notifications module's gateway, Zalo ZNS per commune, SMTP e-mail.
import type { Deps } from "../../../deps.ts";
import type { EmailSender, SmsSender } from "../../notifications/index.ts";
import type { ChannelTransports } from "./channel.ts";

export function createChannelTransports(_deps: Deps, _senders: { sms: SmsSender; email: EmailSender }): ChannelTransports {
  return {};
}
