// The entry part's API schemas: a commune's values of a period, saving them, submitting, reviewing, correcting, and
// the status of periods. Values are numbers in the element's own unit (a percentage as 0–100).
import { z } from "@hono/zod-openapi";

export const UnitPeriodParam = z.object({
  unit: z.string().openapi({ param: { name: "unit", in: "path" }, example: "02923", description: "A commune's code" }),
  period: z
    .string()
    .openapi({ param: { name: "period", in: "path" }, example: "2026-11", description: "A month (2026-11), a quarter (2026-Q4) or a year (2026)" }),
});
export const IdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

const State = z.enum(["missing", "draft", "submitted", "returned", "approved"]);
const ValueStatus = z.enum(["draft", "submitted", "returned", "approved"]);

export const Evidence = z
  .object({ id: z.string(), name: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string(), href: z.string() })
  .openapi("IndicatorEvidence");

export const EntryValue = z
  .object({
    element: z.string().openapi({ example: "wifi_points" }),
    name: z.string(),
    nameEn: z.string(),
    valueType: z.enum(["integer", "number", "percent"]),
    min: z.number().nullable(),
    max: z.number().nullable(),
    evidenceRequired: z.boolean(),
    id: z.string().nullable().openapi({ description: "Null until something is saved for the element" }),
    value: z.number().nullable(),
    note: z.string(),
    status: ValueStatus.nullable(),
    revision: z.number().int().nullable(),
    reviewComment: z.string().nullable(),
    editable: z.boolean(),
    evidence: z.array(Evidence),
  })
  .openapi("IndicatorEntryValue");

export const Entry = z
  .object({
    unit: z.string(),
    unitName: z.string(),
    period: z.string(),
    state: State,
    late: z.boolean(),
    dueBy: z.string().openapi({ description: "The last day to submit on time" }),
    values: z.array(EntryValue),
  })
  .openapi("IndicatorEntry");

export const EntryInput = z
  .object({
    values: z
      .record(
        z.string(),
        z.object({
          value: z
            .union([z.number(), z.string(), z.null()])
            .optional()
            .openapi({ description: "A number, or null to clear; strings are read like the form (12,5)" }),
          note: z.string().max(1000).nullable().optional(),
        }),
      )
      .openapi({
        description: "Per element key; keys not given are left as they are",
        example: { wifi_points: { value: 12, note: "Theo biên bản nghiệm thu" } },
      }),
    removeEvidence: z.array(z.string()).max(50).optional(),
    submit: z.boolean().optional().openapi({ description: "Also submit every draft or returned value of the period for review" }),
  })
  .openapi("IndicatorEntryInput");

export const ReviewInput = z
  .object({
    decision: z.enum(["approve", "return"]),
    comment: z.string().max(1000).nullable().optional().openapi({ description: "Required when returning" }),
    ids: z
      .array(z.string())
      .max(500)
      .optional()
      .openapi({ description: "Values to review; or unit and period for all submitted values of a commune's period" }),
    unit: z.string().optional(),
    period: z.string().optional(),
  })
  .openapi("IndicatorReviewInput");

export const ReopenInput = z.object({ reason: z.string().max(1000) }).openapi("IndicatorReopenInput");

export const StatusQuery = z.object({
  unit: z
    .string()
    .optional()
    .openapi({ param: { name: "unit", in: "query" }, description: "A province or a commune; default: every commune you may see" }),
  filter: z
    .enum(["late", "missing"])
    .optional()
    .openapi({ param: { name: "filter", in: "query" } }),
});

export const StatusRow = z
  .object({
    unit: z.string(),
    unitName: z.string(),
    period: z.string(),
    state: State,
    late: z.boolean(),
    dueBy: z.string(),
    due: z.number().int(),
    counts: z.object({
      missing: z.number().int(),
      draft: z.number().int(),
      submitted: z.number().int(),
      returned: z.number().int(),
      approved: z.number().int(),
    }),
  })
  .openapi("IndicatorEntryStatus");

export const ReviewQueueItem = z
  .object({
    id: z.string(),
    unit: z.string(),
    unitName: z.string(),
    period: z.string(),
    element: z.string(),
    value: z.number().nullable(),
    note: z.string(),
    revision: z.number().int(),
    submittedAt: z.string().nullable(),
    evidenceCount: z.number().int(),
  })
  .openapi("IndicatorReviewItem");
