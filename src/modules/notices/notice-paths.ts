// Every address of the notices module in one place, so that parts link to each other without guessing.
// Commune codes are 5 digits: routes match them as `:commune{[0-9]{5}}`.
export const noticePaths = {
  /** Public: choose a commune. */
  index: "/notices",
  publicList: (commune: string) => `/notices/${commune}`,
  /** One village's notices (the commune's and the province's included). */
  villageList: (commune: string, village: string) => `/notices/${commune}/village/${encodeURIComponent(village)}`,
  rss: (commune: string) => `/notices/${commune}/feed.rss`,
  atom: (commune: string) => `/notices/${commune}/feed.atom`,
  publicNotice: (id: string) => `/notices/n/${id}`,
  attachment: (id: string, fileId: string) => `/notices/n/${id}/files/${fileId}`,
  /** The loudspeaker audio of a notice (its newest slot's file), for the public page's player. */
  audio: (id: string) => `/notices/n/${id}/audio`,
  /** A resident's channels and categories (signed in). */
  myPreferences: "/me/notices",
  desk: "/office/notices",
  officeNew: "/office/notices/new",
  officeNotice: (id: string) => `/office/notices/${id}`,
  officeEdit: (id: string) => `/office/notices/${id}/edit`,
  /** Who it reaches per channel before sending; delivery report after. */
  officeAudience: (id: string) => `/office/notices/${id}/audience`,
  officeDeliveries: (id: string) => `/office/notices/${id}/deliveries`,
  // authoring: a step on a notice (submit, approve, send-back, publish, withdraw) and an attachment in the office
  officeStep: (id: string, step: string) => `/office/notices/${id}/${step}`,
  officeAttachment: (id: string, fileId: string) => `/office/notices/${id}/files/${fileId}`,
  channelSettings: "/office/notices/channels",
  /** The channels part: save the unit's Zalo account; send it a test message (POST, ?unit=). */
  channelSettingsZalo: "/office/notices/channels/zalo",
  channelSettingsZaloTest: "/office/notices/channels/zalo/test",
  /** Record a resident's choices at the desk or in the field, with consent. */
  deskPreferences: "/office/notices/preferences",
  stations: "/office/stations",
  station: (id: string) => `/office/stations/${id}`,
  stationPlaylist: (id: string) => `/office/stations/${id}/playlist.zip`,
  // notices/loudspeakers
  stationNew: "/office/stations/new",
  stationKey: (id: string) => `/office/stations/${id}/key`,
  stationEdit: (id: string) => `/office/stations/${id}/edit`,
  stationSlotNew: (id: string) => `/office/stations/${id}/slots/new`,
  stationSlot: (id: string, slotId: string) => `/office/stations/${id}/slots/${slotId}`,
  stationSlotDelete: (id: string, slotId: string) => `/office/stations/${id}/slots/${slotId}/delete`,
  stationPlays: (id: string) => `/office/stations/${id}/plays`,
} as const;

export const noticeApiPaths = {
  notices: "/api/v1/notices",
  notice: "/api/v1/notices/{id}",
  audiencePreview: "/api/v1/notices/audience-preview",
  deliveries: "/api/v1/notices/{id}/deliveries",
  /** A saved notice's reach per channel (audiences). */
  audience: "/api/v1/notices/{id}/audience",
  smsDeliveryReports: "/api/v1/notices/delivery-reports/sms",
  zaloCallbacks: "/api/v1/notices/delivery-reports/zalo",
  /** The channels part: the unit's Zalo account (GET, PUT, DELETE; ?unit=) and a test message (POST). */
  channelSettings: "/api/v1/notices/channels",
  zaloAccount: "/api/v1/notices/channels/zalo",
  zaloTest: "/api/v1/notices/channels/zalo/test",
  smsInbound: "/api/v1/sms/inbound",
  stations: "/api/v1/radio-stations",
  stationFeed: "/api/v1/radio-stations/{id}/feed",
  stationPlays: "/api/v1/radio-stations/{id}/plays",
  // notices/loudspeakers
  station: "/api/v1/radio-stations/{id}",
  stationKey: "/api/v1/radio-stations/{id}/key",
  stationSlots: "/api/v1/radio-stations/{id}/slots",
  stationSlot: "/api/v1/radio-stations/{id}/slots/{slotId}",
  stationAudio: "/api/v1/radio-stations/{id}/audio/{slotId}",
  stationPlayLog: "/api/v1/radio-stations/{id}/play-log",
  noticePlays: "/api/v1/notices/{id}/plays",
  preferences: "/api/v1/notice-preferences",
  myPreferences: "/api/v1/me/notice-preferences",
  // notices/public: read-only, no personal data
  publicNotices: "/api/v1/public/notices",
  publicNotice: "/api/v1/public/notices/{id}",
} as const;
