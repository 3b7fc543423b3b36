// One interface for every per-person channel (SMS, Zalo, e-mail, …): a province adds a channel by writing an adapter
// and listing it in channels/registry.ts; notices, audiences and the delivery report do not change.
// The adapter describes the channel (which contact it uses, opt-in or opt-out, what a message costs) and builds the
// final message for one recipient; the transport that sends it is built by main.ts from the configuration
// (ChannelTransports) and called by the outbox worker, so a queued message never changes after it is queued.
import type { NoticeRow } from "../notices.model.ts";

export type ChannelContact = "phone" | "email";

/** The final message for one recipient: stored as the outbox payload, sent as is. */
export type ChannelMessage = { deliveryId: string; to: string } & Record<string, unknown>;

export type NoticeChannel = {
  /** Stored in notice_deliveries.channel, notices.channels and residents' preferences. */
  name: string;
  /** Which address of a recipient it uses: a phone (E.164) or an e-mail address. */
  contact: ChannelContact;
  /** true: only recipients who turned it on (Zalo ZNS); false: everyone who did not turn it off (SMS, e-mail). */
  optIn: boolean;
  /** The outbox topic its messages go through (notices.<name>). */
  topic: string;
  /** Estimated cost of one message of this notice, in đồng (0 when free). */
  costVnd(notice: NoticeRow): number;
  /** The message to one address. Throws an AppError naming the field when the notice cannot go on this channel. */
  message(notice: NoticeRow, to: string, deliveryId: string): ChannelMessage;
};

/** What the outbox handler calls to send a message; built from the configuration in main.ts (fakes in tests). */
export type ChannelTransport = (message: ChannelMessage) => Promise<{ providerId?: string }>;
export type ChannelTransports = Record<string, ChannelTransport>;
