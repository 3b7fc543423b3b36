// The shape of a notice and its workflow: the one graph every part reads (authoring, audiences, public pages).

export const NOTICE_CATEGORIES = ["administrative", "emergency", "health", "agriculture", "events", "digital_skills"] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_SCOPES = ["villages", "commune", "province"] as const;
export type NoticeScope = (typeof NOTICE_SCOPES)[number];

export const NOTICE_STATUSES = ["draft", "in_review", "scheduled", "published", "withdrawn"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Which status may follow which. scheduled → published happens when its time comes (the fan-out). */
export const NOTICE_TRANSITIONS: Readonly<Record<NoticeStatus, readonly NoticeStatus[]>> = {
  draft: ["in_review", "scheduled", "published"], // straight on only for an emergency (review_skipped)
  in_review: ["draft", "scheduled", "published"],
  scheduled: ["published", "withdrawn"],
  published: ["withdrawn"],
  withdrawn: [],
};
export const canMoveNotice = (from: NoticeStatus, to: NoticeStatus): boolean => NOTICE_TRANSITIONS[from].includes(to);

/**
 * Channels a notice can choose. web and loudspeaker are broadcast (no per-person delivery); the others are per-person
 * adapters (channels/registry.ts), each delivery a row in notice_deliveries.
 */
export const BROADCAST_CHANNELS = ["web", "loudspeaker"] as const;
export const PERSON_CHANNELS = ["sms", "zalo", "email"] as const;
export const NOTICE_CHANNELS = [...BROADCAST_CHANNELS, ...PERSON_CHANNELS] as const;
export type NoticeChannelName = (typeof NOTICE_CHANNELS)[number];

/** Registry flags an audience may pick (registry's vulnerability flags; poverty is the household's). */
export const AUDIENCE_FLAGS = ["elderly_alone", "disability", "no_smartphone", "little_vietnamese", "poor", "near_poor"] as const;
export type AudienceFlag = (typeof AUDIENCE_FLAGS)[number];

export const DELIVERY_STATUSES = ["queued", "sent", "delivered", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How a resident's choice reached us (notice_consents.method). */
export const CONSENT_METHODS = ["online", "sms", "desk", "field"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const NOTICE_LIMITS = {
  titleChars: 200,
  bodyChars: 5000,
  /** SMS: two GSM-7 parts at most (306 characters), as the dossiers' notifications. */
  smsSegments: 2,
  speechChars: 3000,
  attachments: 5,
  /** Numbers typed or uploaded as a list audience. */
  listNumbers: 5000,
} as const;

/** The audience beyond the scope's residents: stored in notices.audience. */
export type NoticeAudience = {
  /** Only residents with at least one of these flags (empty: everyone in scope). */
  flags?: AudienceFlag[];
  /** Also the members of the unit's digital teams, and accounts holding these roles in scope. */
  roles?: string[];
  /** Also these numbers (E.164), typed or uploaded. */
  list?: string[];
};

export type NoticeRow = {
  id: string;
  unitCode: string;
  unitPath: string;
  category: NoticeCategory;
  title: string;
  body: string;
  scope: NoticeScope;
  villageCodes: string[];
  validFrom: string; // YYYY-MM-DD
  validUntil: string | null;
  channels: string[];
  audience: NoticeAudience;
  smsText: string | null;
  smsEdited: boolean;
  speechText: string | null;
  speechEdited: boolean;
  status: NoticeStatus;
  reviewSkipped: boolean;
  reviewNote: string | null;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  fannedOutAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  correctsId: string | null;
  authorId: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
