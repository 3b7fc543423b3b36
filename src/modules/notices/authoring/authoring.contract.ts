// One contract for notices' authoring: the JSON body of /api/v1/notices and, once a page has turned its checkboxes
// and dd/mm/yyyy days into the same shape, the office form. OpenAPI is generated from these schemas.
import { z } from "@hono/zod-openapi";
import { AUDIENCE_FLAGS, NOTICE_CATEGORIES, NOTICE_CHANNELS, NOTICE_LIMITS, NOTICE_SCOPES, NOTICE_STATUSES } from "../notices.model.ts";

/** Roles an audience may add beyond the scope's residents (the audiences part resolves them to people). */
import { AUDIENCE_ROLES } from "../audiences/audiences.contract.ts";

export { AUDIENCE_ROLES };

export const DESK_TABS = ["drafts", "review", "scheduled", "published", "withdrawn"] as const;
export type NoticeDeskTab = (typeof DESK_TABS)[number];
export const DESK_PAGE_SIZE = 50;
export const NOTE_MAX = 1000;

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ description: "A day, YYYY-MM-DD (pages accept dd/mm/yyyy)", example: "2026-02-12" });
const Version = z.number().int().min(1).openapi({ description: "The notice's version you saw (optimistic concurrency: 409 when it changed)" });
const At = z.iso.datetime({ offset: true }).openapi({ description: "An instant with its offset (ISO 8601)", example: "2026-02-12T07:30:00+07:00" });

export const NoticeAudienceInput = z
  .strictObject({
    flags: z.array(z.enum(AUDIENCE_FLAGS)).max(AUDIENCE_FLAGS.length).optional().openapi({ description: "Only residents with one of these flags" }),
    roles: z.array(z.enum(AUDIENCE_ROLES)).max(AUDIENCE_ROLES.length).optional().openapi({ description: "Also these people of the issuing unit" }),
    list: z
      .array(z.string().max(40))
      .max(NOTICE_LIMITS.listNumbers)
      .optional()
      .openapi({ description: `Also these phone numbers (any Vietnamese spelling; stored as E.164), at most ${NOTICE_LIMITS.listNumbers}` }),
  })
  .openapi("NoticeAudienceInput");

const noticeFields = {
  unitCode: z
    .string()
    .regex(/^\d{2}(\d{3})?$/)
    .optional()
    .openapi({ description: "The issuing commune (5 digits) or province (2 digits); default: your only commune" }),
  category: z.enum(NOTICE_CATEGORIES),
  title: z.string().trim().min(1).max(NOTICE_LIMITS.titleChars),
  body: z
    .string()
    .trim()
    .min(1)
    .max(NOTICE_LIMITS.bodyChars)
    .openapi({ description: 'Limited rich text: paragraphs (blank lines), "- " items, **bold**, bare https:// links; no HTML' }),
  scope: z.enum(NOTICE_SCOPES),
  villageCodes: z
    .array(z.string().regex(/^\d{5}\.\d{3}$/))
    .max(200)
    .optional()
    .openapi({ description: "scope villages: the villages of the issuing commune" }),
  validFrom: Day,
  validUntil: Day.nullable().optional(),
  channels: z.array(z.enum(NOTICE_CHANNELS)).max(NOTICE_CHANNELS.length).optional().openapi({ description: "web is always on" }),
  audience: NoticeAudienceInput.optional(),
  smsText: z
    .string()
    .max(2000)
    .nullable()
    .optional()
    .openapi({ description: "Your own SMS text (sent without diacritics, at most 2 parts); null or absent: derived from the body" }),
  speechText: z
    .string()
    .max(NOTICE_LIMITS.speechChars)
    .nullable()
    .optional()
    .openapi({ description: "Your own spoken script for the loudspeakers; null or absent: derived from the body" }),
};

export const NoticeCreate = z.strictObject(noticeFields).openapi("NoticeCreate");
export type NoticeCreate = z.infer<typeof NoticeCreate>;
export const NoticeUpdate = z.strictObject({ ...noticeFields, version: Version }).openapi("NoticeUpdate");
export type NoticeUpdate = z.infer<typeof NoticeUpdate>;

export const VersionBody = z.strictObject({ version: Version }).openapi("NoticeVersion");
export const ApproveBody = z
  .strictObject({ version: Version, scheduledAt: At.optional().openapi({ description: "Send at this time (future); absent: at once" }) })
  .openapi("NoticeApprove");
export type ApproveBody = z.infer<typeof ApproveBody>;
export const SendBackBody = z.strictObject({ version: Version, note: z.string().trim().min(1).max(NOTE_MAX) }).openapi("NoticeSendBack");
export const WithdrawBody = z
  .strictObject({
    version: Version,
    reason: z.string().trim().min(1).max(NOTE_MAX).openapi({ description: "Why it is withdrawn (kept in the history)" }),
    correction: z.string().trim().min(1).max(NOTICE_LIMITS.bodyChars).optional().openapi({
      description:
        "The correction's body, published at once to the same people on the same channels; required for a published notice (a scheduled one was never sent)",
    }),
  })
  .openapi("NoticeWithdraw");
export type WithdrawBody = z.infer<typeof WithdrawBody>;

export const NoticeListQuery = z.strictObject({
  tab: z.enum(DESK_TABS).default("drafts").openapi({ description: "drafts; review (in review); scheduled; published; withdrawn" }),
  category: z.enum(NOTICE_CATEGORIES).optional(),
  q: z.string().trim().max(100).optional().openapi({ description: "Words of the title (as written, case-insensitive)" }),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const NoticeIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export const NoticeActions = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  sendBack: z.boolean(),
  publish: z.boolean().openapi({ description: "Publish an emergency notice without review" }),
  withdraw: z.boolean(),
});

export const NoticeOut = z
  .object({
    id: z.uuid(),
    unitCode: z.string(),
    category: z.enum(NOTICE_CATEGORIES),
    title: z.string(),
    body: z.string(),
    scope: z.enum(NOTICE_SCOPES),
    villageCodes: z.array(z.string()),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    channels: z.array(z.string()),
    audience: z.object({ flags: z.array(z.string()).optional(), roles: z.array(z.string()).optional(), list: z.array(z.string()).optional() }),
    smsText: z.string().nullable(),
    smsEdited: z.boolean(),
    smsSegments: z.number().int(),
    speechText: z.string().nullable(),
    speechEdited: z.boolean(),
    status: z.enum(NOTICE_STATUSES),
    reviewSkipped: z.boolean(),
    reviewNote: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    correctsId: z.string().nullable(),
    correctedById: z.string().nullable(),
    authorId: z.string().nullable(),
    approvedBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    attachments: z.array(z.object({ fileId: z.string(), name: z.string() })),
    actions: NoticeActions.optional(),
  })
  .openapi("Notice");

export const NoticeListItem = z
  .object({
    id: z.uuid(),
    unitCode: z.string(),
    category: z.enum(NOTICE_CATEGORIES),
    title: z.string(),
    status: z.enum(NOTICE_STATUSES),
    scope: z.enum(NOTICE_SCOPES),
    channels: z.array(z.string()),
    reviewSkipped: z.boolean(),
    scheduledAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("NoticeListItem");

export const NoticeListPage = z
  .object({
    items: z.array(NoticeListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z.object(Object.fromEntries(DESK_TABS.map((t) => [t, z.number().int()])) as Record<NoticeDeskTab, z.ZodNumber>),
  })
  .openapi("NoticeListPage");
