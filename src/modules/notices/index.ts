/** Notices to residents: written once, sent on every channel with proof of delivery (docs/notices.md). */
export {
  NOTICE_CATEGORIES,
  NOTICE_CHANNELS,
  NOTICE_STATUSES,
  type NoticeCategory,
  type NoticeChannelName,
  type NoticeRow,
  type NoticeStatus,
} from "./notices.model.ts";
export { type CurrentNotice, currentNotices } from "./use-cases/notices-current.ts";
export type { ChannelMessage, ChannelTransport, ChannelTransports, NoticeChannel } from "./channels/channel.ts";
export type { InboundSms, NoticesSlots, SmsKeywordHandler } from "./inbound-sms.ts";
export { noticeOutboxHandlers } from "./outbox-handlers.ts";
export { createChannelTransports } from "./channels/transports.ts";
// notices/audiences: who a notice reaches, its fan-out and its delivery report.
export { AUDIENCE_ROLES, type AudiencePreview, type AudienceRole, type DeliveryReport } from "./audiences/audiences.contract.ts";
export { previewDraftAudience, previewNoticeAudience } from "./use-cases/audiences-preview.ts";
export { type FanOutResult, fanOutNotice } from "./use-cases/audiences-fan-out.ts";
export { type DeliveriesView, noticeDeliveries } from "./use-cases/audiences-deliveries.ts";
