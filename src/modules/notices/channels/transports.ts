// The transports of the per-person channels, built from the configuration by main.ts (tests pass fakes): SMS through
// the notifications module's gateway (its providerId comes back for the delivery reports), e-mail through its SMTP
// sender with a link to the notice's public page, Zalo ZNS through each commune's Official Account.
import type { Deps } from "../../../deps.ts";
import type { EmailSender, SmsSender } from "../../notifications/index.ts";
import type { ChannelTransports } from "./channel.ts";
import { noticeLink, sendZaloMessage } from "./zalo-transport.ts";

export function createChannelTransports(deps: Deps, senders: { sms: SmsSender; email: EmailSender }): ChannelTransports {
  return {
    sms: async (m) => {
      const r = await senders.sms.send(m.to, String(m.text ?? ""));
      return r.providerId ? { providerId: r.providerId } : {};
    },
    email: async (m) => {
      const link = typeof m.noticeId === "string" ? noticeLink(deps.config, m.noticeId) : null;
      const text = link ? `${String(m.text ?? "")}\n\n${link}\n` : String(m.text ?? "");
      await senders.email.send({ to: m.to, subject: String(m.subject ?? ""), text });
      return {};
    },
    zalo: async (m) => ({ providerId: (await sendZaloMessage(deps, m)).providerId }),
  };
}
