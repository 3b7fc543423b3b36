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
// notices/authoring
export { createNotice } from "./use-cases/authoring-create.ts";
export { updateNotice } from "./use-cases/authoring-update.ts";
export { submitNotice } from "./use-cases/authoring-submit.ts";
export { approveNotice } from "./use-cases/authoring-approve.ts";
export { sendBackNotice } from "./use-cases/authoring-send-back.ts";
export { publishEmergencyNotice } from "./use-cases/authoring-publish.ts";
export { withdrawNotice } from "./use-cases/authoring-withdraw.ts";
export { listOfficeNotices } from "./use-cases/authoring-list.ts";
export { getOfficeNotice } from "./use-cases/authoring-get.ts";
export { deriveSmsText, checkSmsText } from "./authoring/sms-version.ts";
export { deriveSpeechText } from "./authoring/speech-script.ts";
