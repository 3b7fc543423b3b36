// The per-person channels a notice can use. A province adds one by writing an adapter (channel.ts) and listing it
// here, and its transport in transports.ts; authoring, audiences, the outbox handlers (channel-handlers.ts: one per
// adapter, on its topic) and the delivery report read this list and do not change (docs/notices/channels.md).
import type { Config } from "../../../config.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { countSmsSegments } from "../../notifications/index.ts";
import type { NoticeRow } from "../notices.model.ts";
import { noticeBodyPlain } from "../notice-text.ts";
import type { NoticeChannel } from "./channel.ts";

export function noticeChannels(config: Pick<Config, "notices">): Record<string, NoticeChannel> {
  const price = config.notices.priceVnd;
  const smsText = (n: NoticeRow): string => {
    if (!n.smsText) throw new AppError("validation", "error.validation", [{ field: "smsText", code: "required", message: "notices.channels.error.noSmsText" }]);
    return n.smsText;
  };
  const channels: NoticeChannel[] = [
    {
      name: "sms",
      contact: "phone",
      optIn: false,
      topic: "notices.sms",
      costVnd: (n) => (n.smsText ? countSmsSegments(n.smsText).segments * price.sms : 0),
      message: (n, to, deliveryId) => ({ deliveryId, to, text: smsText(n) }),
    },
    {
      name: "zalo",
      contact: "phone",
      optIn: true,
      topic: "notices.zalo",
      costVnd: () => price.zalo,
      // The template's parameters are filled when it is sent (channels/zalo-transport.ts), from these fields.
      message: (n, to, deliveryId) => ({
        deliveryId,
        to,
        unitCode: n.unitCode,
        noticeId: n.id,
        title: n.title,
        category: n.category,
        summary: noticeBodyPlain(n.body).slice(0, 300),
      }),
    },
    {
      name: "email",
      contact: "email",
      optIn: false,
      topic: "notices.email",
      costVnd: () => price.email,
      message: (n, to, deliveryId) => ({ deliveryId, to, subject: n.title, text: noticeBodyPlain(n.body), noticeId: n.id }),
    },
  ];
  return Object.fromEntries(channels.map((c) => [c.name, c]));
}
