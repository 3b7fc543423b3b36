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
// notices/channels: the channel settings, the Zalo account, the delivery callbacks (docs/notices/channels.md).
export { PermanentChannelError } from "./channels/channel-errors.ts";
export { type ChannelSettings, getChannelSettings } from "./use-cases/channels-settings.ts";
export { saveZaloAccount } from "./use-cases/channels-save-zalo.ts";
export { testZaloAccount } from "./use-cases/channels-test-zalo.ts";
export { removeZaloAccount } from "./use-cases/channels-remove-zalo.ts";
export { type CallbackOutcome, recordSmsReports } from "./use-cases/channels-record-sms-reports.ts";
export { recordZaloEvent } from "./use-cases/channels-record-zalo-event.ts";
export { isStationDevicePath } from "./loudspeakers/station-key.ts";
export { noticeAudioFile } from "./use-cases/loudspeakers-notice-audio.ts";
// notices/audiences: who a notice reaches, its fan-out and its delivery report.
export { AUDIENCE_ROLES, type AudiencePreview, type AudienceRole, type DeliveryReport } from "./audiences/audiences.contract.ts";
export { previewDraftAudience, previewNoticeAudience } from "./use-cases/audiences-preview.ts";
export { type FanOutResult, fanOutNotice } from "./use-cases/audiences-fan-out.ts";
export { type DeliveriesView, noticeDeliveries } from "./use-cases/audiences-deliveries.ts";
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
/** Demo data (src/demo/seed-notices.ts): a station and its slots through the loudspeakers part's use cases. */
export { createStation } from "./use-cases/loudspeakers-station-create.ts";
export { saveSlot } from "./use-cases/loudspeakers-slot-save.ts";
