// Every address of the reports module in one place, so that parts link to each other without guessing.
// Commune codes are 5 digits: routes match them as `:commune{[0-9]{5}}` so that /reports/follow is not a commune.
export const reportPaths = {
  /** Public: choose a commune. */
  index: "/reports",
  publicList: (commune: string) => `/reports/${commune}`,
  publicMap: (commune: string) => `/reports/${commune}/map`,
  newReport: (commune: string) => `/reports/${commune}/new`,
  publicFigures: (commune: string) => `/reports/${commune}/figures`,
  publicReport: (code: string) => `/reports/r/${encodeURIComponent(code)}`,
  /** "Tôi cũng gặp" on a public report. */
  support: (code: string) => `/reports/r/${encodeURIComponent(code)}/support`,
  /** The reporter's private link (code + secret): their details, confirm or reopen. */
  follow: (code: string, token: string) => `/reports/follow/${encodeURIComponent(code)}/${token}`,
  /** Type a code (and the phone given) to get back to the private page. */
  followLookup: "/reports/follow",
  /** The public copy of a photo (downsized, no metadata); 404 when the photo or its report is hidden. */
  photo: (photoId: string) => `/reports/photos/${photoId}.jpg`,
  /** Its 320-px thumbnail (stored, not resized per request): for lists and map popups. */
  photoThumb: (photoId: string) => `/reports/photos/${photoId}.jpg?w=320`,
  /** The public copy for the reporter's private page, even when hidden from the public (`?w=320` for the thumbnail). */
  followPhoto: (code: string, token: string, photoId: string) => `/reports/follow/${encodeURIComponent(code)}/${token}/photos/${photoId}.jpg`,
  /** The public copy for officers who see the report, even when hidden (`?w=320` for the thumbnail). */
  officePhoto: (photoId: string) => `/office/reports/photos/${photoId}.jpg`,
  /** The original as received (officers with report.read on the report). */
  photoOriginal: (photoId: string) => `/office/reports/photos/${photoId}/original`,
  /** Hide or show again a report or its photos (report.moderate); the same forms as moderationPanel(). */
  moderation: (id: string) => `/office/reports/${id}/moderation`,
  myReports: "/me/reports",
  desk: "/office/reports",
  officeReport: (id: string) => `/office/reports/${id}`,
  /** Record a report heard in person or at a village meeting (assisted, with consent). */
  officeNew: "/office/reports/new",
  print: "/office/reports/print",
  categories: "/office/reports/categories",
  officeFigures: "/office/reports/figures",
  open311Clients: "/office/open311-clients",
  /** Open311 GeoReport v2 base (discovery.json, services.json, requests.json, ...). */
  open311Base: "/open311/v2",
} as const;
