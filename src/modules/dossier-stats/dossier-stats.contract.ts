// The one contract for figures: validates the filters of the page and the API, and generates OpenAPI.
import { z } from "@hono/zod-openapi";

export const GROUP_BY = ["procedure", "commune"] as const;
export type GroupBy = (typeof GROUP_BY)[number];
/** Which dossiers a period selects: those received in it (a cohort), or those decided in it (by the decision's date). */
export const BASES = ["received", "decided"] as const;
export type Basis = (typeof BASES)[number];

/** A calendar day as YYYY-MM-DD that exists (2026-02-30 does not). */
const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
export const Day = z
  .string()
  .refine(isDay, { message: "not a day", params: { messageKey: "stats.error.day", code: "day" } })
  .openapi({ format: "date", example: "2026-01-01" });

export const StatsQuery = z
  .strictObject({
    commune: z
      .string()
      .regex(/^\d{2}(\d{3})?$/)
      .optional()
      .openapi({ description: "A commune (or a province) in your scope; all units you may see when absent", example: "02923" }),
    from: Day.optional().openapi({ description: "First day received (Vietnam time), inclusive; default 1 January of this year" }),
    to: Day.optional().openapi({ description: "Last day received, inclusive; default 31 December of this year" }),
    groupBy: z.enum(GROUP_BY).default("procedure"),
    basis: z
      .enum(BASES)
      .default("received")
      .openapi({ description: "received: dossiers received in the period (default); decided: decisions (result or refusal) made in the period" }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "to before from", path: ["to"], params: { messageKey: "stats.error.order", code: "order" } });
export type StatsQuery = z.infer<typeof StatsQuery>;

export const PublicFiguresQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const share = z.number().min(0).max(1).nullable().openapi({ description: "A fraction between 0 and 1; null when nothing to divide by" });
const count = z.number().int().min(0);

export const Figures = z
  .object({
    received: count.openapi({ description: "Dossiers received in the period (basis decided: the decided dossiers)" }),
    online: count.openapi({ description: "Received online, among the dossiers whose procedure offers an online service" }),
    onlineOffered: count.openapi({ description: "Received dossiers whose procedure version offers an online service (full or partial)" }),
    onlineShare: share.openapi({ description: "online ÷ onlineOffered" }),
    finished: count.openapi({ description: "Decided after receipt: result issued or refused (withdrawals not counted)" }),
    refused: count.openapi({ description: "Of the decided, refused after receipt (a decision with a refusal result)" }),
    early: count.openapi({ description: "Decided on a day before the due day" }),
    onTime: count.openapi({ description: "Decided on the due day, by the due time" }),
    late: count.openapi({ description: "Decided after the due time" }),
    onTimeShare: share.openapi({ description: "(early + onTime) ÷ finished" }),
    withdrawn: count,
    inProgress: count,
    overdue: count.openapi({ description: "In progress and past due: the clock running, or stopped after the due time (late stays late)" }),
    digitised: count,
    digitisedShare: share,
    originalSeen: count.openapi({ description: "Received dossiers with a document only shown in original at the counter (not digitised)" }),
    vaultReused: count,
    vaultReusedShare: share,
    resultDigitised: count,
    resultDigitisedShare: share,
    withFee: count.openapi({ description: "Received dossiers with a fee to pay (amount above zero, not waived)" }),
    feePaid: count,
    cashless: count,
    cashlessShare: share.openapi({ description: "cashless ÷ withFee" }),
    avgProcessingDays: z
      .number()
      .nullable()
      .openapi({ description: "Average working days from receipt to decision, clock stops (supplements, pauses) left out, one decimal" }),
    ratings: count,
    avgRating: z.number().nullable(),
    goodRatings: count,
    goodRatingShare: share,
  })
  .openapi("DossierFigures");
export type Figures = z.infer<typeof Figures>;

export const FigureRow = Figures.extend({
  key: z.string().openapi({ description: "Procedure code, or commune code" }),
  label: z.string(),
  labelEn: z.string().nullable(),
  field: z.string().nullable().openapi({ description: "The procedure's field, when grouped by procedure" }),
}).openapi("DossierFigureRow");
export type FigureRow = z.infer<typeof FigureRow>;

export const FiguresReport = z
  .object({
    from: z.string().openapi({ example: "2026-01-01" }),
    to: z.string().openapi({ example: "2026-12-31" }),
    commune: z.string().nullable(),
    groupBy: z.enum(GROUP_BY),
    basis: z.enum(BASES),
    totals: Figures,
    rows: z.array(FigureRow),
  })
  .openapi("DossierFiguresReport");
export type FiguresReport = z.infer<typeof FiguresReport>;
