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
export { type NoticePreferences, preferencesFor } from "./use-cases/preferences-for.ts";
export { accepts as preferenceAccepts, DEFAULT_CHOICE as DEFAULT_NOTICE_PREFERENCES } from "./preferences/choice.ts";
export { PREFERENCE_CHANNELS, REFUSABLE_CATEGORIES, type PreferenceChannel } from "./preferences/preferences.contract.ts";
// notices/public
export { listPublicNoticeCommunes, listPublicNoticePage, publicNoticeCommune } from "./use-cases/public-list.ts";
export { getPublicNotice } from "./use-cases/public-notice.ts";
export { buildNoticeFeed } from "./use-cases/public-feed.ts";
