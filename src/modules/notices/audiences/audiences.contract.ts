// Audiences' contracts: the draft preview's body, the preview and the delivery report (one schema each for the page,
// the API and OpenAPI).
import { z } from "@hono/zod-openapi";
import { AUDIENCE_FLAGS, DELIVERY_STATUSES, NOTICE_CATEGORIES, NOTICE_CHANNELS, NOTICE_LIMITS, NOTICE_SCOPES } from "../notices.model.ts";

/** Roles an audience may add beyond the scope's residents: the members (or leaders) of the digital teams in scope. */
export const AUDIENCE_ROLES = ["team_members", "team_leaders"] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

export const DELIVERY_PAGE_SIZE = 50;

export const AudiencePreviewBody = z
  .strictObject({
    unitCode: z
      .string()
      .regex(/^\d{2}(\d{3})?$/)
      .openapi({ description: "The issuing unit: a commune (5 digits), or a province (2 digits) for a province-wide notice", example: "19123" }),
    category: z.enum(NOTICE_CATEGORIES),
    scope: z.enum(NOTICE_SCOPES),
    villageCodes: z
      .array(z.string().regex(/^\d{5}\.\d{3}$/))
      .max(200)
      .default([])
      .openapi({ description: "The villages (scope 'villages')" }),
    channels: z.array(z.enum(NOTICE_CHANNELS)).min(1).max(NOTICE_CHANNELS.length),
    audience: z
      .strictObject({
        flags: z.array(z.enum(AUDIENCE_FLAGS)).max(AUDIENCE_FLAGS.length).optional(),
        roles: z.array(z.enum(AUDIENCE_ROLES)).max(AUDIENCE_ROLES.length).optional(),
        list: z
          .array(z.string().regex(/^\+84[35789]\d{8}$/))
          .max(NOTICE_LIMITS.listNumbers)
          .optional()
          .openapi({ description: "Numbers in E.164 (+84…), added as they are" }),
      })
      .default({}),
    smsText: z.string().max(1000).optional().openapi({ description: "The SMS text, for the cost estimate (without it one segment a message is assumed)" }),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "villages" && v.villageCodes.length === 0) ctx.addIssue({ code: "custom", path: ["villageCodes"], message: "required" });
  })
  .openapi("AudiencePreviewBody");
export type AudiencePreviewBody = z.infer<typeof AudiencePreviewBody>;

export const ChannelReach = z
  .object({
    channel: z.string(),
    contact: z.enum(["phone", "email"]),
    optIn: z.boolean().openapi({ description: "Only recipients who turned the channel on (Zalo)" }),
    recipients: z.number().int().openapi({ description: "People in the audience" }),
    noAddress: z.number().int().openapi({ description: "Of them, with no phone or e-mail for this channel" }),
    leftOut: z.number().int().openapi({ description: "With an address but left out: refused the channel or category, or not opted in" }),
    reached: z.number().int().openapi({ description: "People reached" }),
    messages: z.number().int().openapi({ description: "Messages: distinct addresses (people sharing a phone get one)" }),
    unitCostVnd: z.number().int(),
    costVnd: z.number().int().openapi({ description: "Estimated cost: messages × unit cost, in đồng" }),
  })
  .openapi("ChannelReach");

export const SmsCap = z
  .object({
    cap: z.number().int().nullable().openapi({ description: "SMS a day for the issuing unit; null: no cap" }),
    dueToday: z.number().int().openapi({ description: "SMS of the unit's other notices due today (Vietnam day)" }),
    thisNotice: z.number().int(),
    remainingToday: z.number().int().nullable(),
    deferred: z.number().int().openapi({ description: "SMS of this notice that would wait for 07:00 of a later day" }),
    emergency: z.boolean().openapi({ description: "An emergency ignores the cap" }),
  })
  .openapi("SmsCap");

export const AudiencePreview = z
  .object({
    noticeId: z.string().nullable(),
    unitCode: z.string(),
    category: z.enum(NOTICE_CATEGORIES),
    fannedOut: z.boolean().openapi({ description: "Deliveries already queued: see the delivery report" }),
    channels: z.array(ChannelReach),
    web: z.object({ chosen: z.boolean(), villages: z.number().int() }),
    loudspeaker: z.object({
      chosen: z.boolean(),
      villages: z.number().int(),
      villagesWithStations: z
        .number()
        .int()
        .nullable()
        .openapi({ description: "villages of the scope with an active station; null when the loudspeaker channel is not chosen" }),
    }),
    smsCap: SmsCap.nullable(),
    totalCostVnd: z.number().int(),
  })
  .openapi("AudiencePreview");
export type AudiencePreview = z.infer<typeof AudiencePreview>;

export const NoticeIdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "3f2a8c1e-…" }) });

export const DeliveriesQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).default("failed").openapi({ description: "Which deliveries to list (default: failed)" }),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;

const StatusCounts = z.object(
  Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof DELIVERY_STATUSES)[number], z.ZodNumber>,
);

export const DeliveryReport = z
  .object({
    noticeId: z.string(),
    fannedOutAt: z.string().nullable(),
    total: z.number().int().openapi({ description: "Deliveries: the sum of every status, over every channel" }),
    totals: StatusCounts,
    costVnd: z.number().int(),
    channels: z.array(StatusCounts.extend({ channel: z.string(), total: z.number().int(), costVnd: z.number().int() })),
    villages: z.array(StatusCounts.extend({ villageCode: z.string().nullable(), villageName: z.string().nullable(), total: z.number().int() })),
  })
  .openapi("DeliveryReport");
export type DeliveryReport = z.infer<typeof DeliveryReport>;

export const DeliveryItem = z
  .object({
    id: z.string(),
    channel: z.string(),
    address: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    residentName: z.string().nullable(),
    villageCode: z.string().nullable(),
    villageName: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    skipReason: z.string().nullable(),
    dueAt: z.string(),
    failedAt: z.string().nullable(),
  })
  .openapi("NoticeDelivery");

export const DeliveriesPage = z
  .object({
    report: DeliveryReport,
    status: z.enum(DELIVERY_STATUSES),
    items: z.array(DeliveryItem).openapi({ description: "Only for officers with notice.read on the issuing unit (personal data); empty otherwise" }),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("NoticeDeliveriesPage");
