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
export { isStationDevicePath } from "./loudspeakers/station-key.ts";
export { noticeAudioFile } from "./use-cases/loudspeakers-notice-audio.ts";
