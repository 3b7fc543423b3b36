// The shapes the exports part reads: a download's query (office link and /api/v1) and the scheduled report's form.
import { z } from "@hono/zod-openapi";

const SetKey = z.string().max(64);

/** The query of a download: which set (every one when absent), which period, the unit itself or each child. */
export const ExportQuery = z.strictObject({
  set: SetKey.optional().openapi({ description: "An indicator set's key; every set of the unit's province when absent", example: "service-index-766" }),
  period: z.string().max(16).openapi({ description: "A month 2026-11, a quarter 2026-Q4, a year 2026 or the year to date 2026-ytd", example: "2026-11" }),
  by: z.enum(["self", "children"]).default("self").openapi({ description: "One row for the unit, or one per child unit (communes, villages)" }),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The same through /api/v1, with the unit in the query. */
export const ApiExportQuery = ExportQuery.extend({
  unit: z
    .string()
    .regex(/^\d{2}(\d{3}(\.\d{1,4})?)?$/)
    .openapi({ description: "A province (2 digits), a commune (5) or a village (commune.NNN) in your scope", example: "02923" }),
});

/** The scheduled report's form; recipients are checked one by one in the use case (the message names the address). */
export const SubscriptionForm = z.strictObject({
  unit: z
    .string()
    .trim()
    .regex(/^\d{2}(\d{3}(\.\d{1,4})?)?$/),
  sets: z.array(SetKey).min(1).max(20),
  by: z.enum(["self", "children"]).default("self"),
  recipients: z.string().max(3000),
});
export type SubscriptionForm = z.infer<typeof SubscriptionForm>;
