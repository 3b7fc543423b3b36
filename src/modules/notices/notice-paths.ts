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
  /** Record a resident's choices at the desk or in the field, with consent. */
  deskPreferences: "/office/notices/preferences",
  stations: "/office/stations",
  station: (id: string) => `/office/stations/${id}`,
  stationPlaylist: (id: string) => `/office/stations/${id}/playlist.zip`,
} as const;

export const noticeApiPaths = {
  notices: "/api/v1/notices",
  notice: "/api/v1/notices/{id}",
  audiencePreview: "/api/v1/notices/audience-preview",
  deliveries: "/api/v1/notices/{id}/deliveries",
  smsDeliveryReports: "/api/v1/notices/delivery-reports/sms",
  zaloCallbacks: "/api/v1/notices/delivery-reports/zalo",
  smsInbound: "/api/v1/sms/inbound",
  stations: "/api/v1/radio-stations",
  stationFeed: "/api/v1/radio-stations/{id}/feed",
  stationPlays: "/api/v1/radio-stations/{id}/plays",
  preferences: "/api/v1/notice-preferences",
  myPreferences: "/api/v1/me/notice-preferences",
} as const;
