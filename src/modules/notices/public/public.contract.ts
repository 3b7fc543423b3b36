// What the public pages, the feeds and the public API accept and answer: one zod schema for the filter form (a GET
// form), the API's query and OpenAPI. No personal data in any answer: a notice is signed by its unit, never a person.
import { z } from "@hono/zod-openapi";
import { NOTICE_CATEGORIES, NOTICE_SCOPES } from "../notices.model.ts";

const Village = z
  .string()
  .regex(/^\d{5}\.\d{3}$/)
  .openapi({ description: "A village's code (the commune's code and .NNN)", example: "02923.001" });

/** The list's filters: category, village (its own notices, the commune's and the province's), page. */
export const PublicNoticeFilters = z.strictObject({
  category: z.enum(NOTICE_CATEGORIES).optional().openapi({ description: "Only this category" }),
  village: Village.optional(),
  page: z.coerce.number().int().min(1).max(500).optional().openapi({ description: "Page number (20 notices a page), from 1", example: 1 }),
});
export type PublicNoticeFilters = z.infer<typeof PublicNoticeFilters>;

/** The feeds take the same filters, without paging (the newest notices). */
export const PublicFeedQuery = PublicNoticeFilters.omit({ page: true });
export type PublicFeedQuery = z.infer<typeof PublicFeedQuery>;

export const PublicNoticesQuery = PublicNoticeFilters.extend({
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .openapi({ description: "The commune's code (5 digits)", example: "02923" }),
});
export type PublicNoticesQuery = z.infer<typeof PublicNoticesQuery>;

export const PublicNoticeId = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, example: "0b9f0a52-3c59-4d8e-9a57-2a1f0e7d1c11" }),
});

const Unit = z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }).openapi("PublicNoticeUnit");

export const PublicNoticeSummary = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    category: z.enum(NOTICE_CATEGORIES),
    scope: z.enum(NOTICE_SCOPES),
    villageCodes: z.array(z.string()),
    unit: Unit.openapi({ description: "The issuing unit (the commune, or the province)" }),
    validFrom: z.string().openapi({ description: "YYYY-MM-DD", example: "2026-12-01" }),
    validUntil: z.string().nullable().openapi({ description: "YYYY-MM-DD; null: until withdrawn" }),
    status: z.enum(["published", "withdrawn"]),
    inForce: z.boolean().openapi({ description: "Published and valid today (Vietnam time)" }),
    publishedAt: z.string().openapi({ format: "date-time" }),
    summary: z.string().openapi({ description: "The body's first words as plain text" }),
    url: z.string().openapi({ description: "The notice's public page (absolute)" }),
  })
  .openapi("PublicNoticeSummary");
export type PublicNoticeSummary = z.infer<typeof PublicNoticeSummary>;

export const PublicNoticeList = z
  .object({ items: z.array(PublicNoticeSummary), page: z.number().int(), nextPage: z.number().int().nullable() })
  .openapi("PublicNoticeList");

export const PublicNoticeDetail = PublicNoticeSummary.extend({
  body: z.string().openapi({ description: "The body as written: limited rich text (paragraphs, - items, **bold**, bare https links)" }),
  bodyText: z.string().openapi({ description: "The body as plain text" }),
  withdrawnAt: z.string().nullable().openapi({ format: "date-time" }),
  withdrawalReason: z.string().nullable(),
  correctedBy: z.string().uuid().nullable().openapi({ description: "The correction notice published when this one was withdrawn" }),
  corrects: z.string().uuid().nullable().openapi({ description: "The notice this one corrects" }),
  attachments: z.array(z.object({ name: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), url: z.string() })),
  audioUrl: z.string().nullable().openapi({ description: "The loudspeaker audio, when there is one" }),
}).openapi("PublicNoticeDetail");
