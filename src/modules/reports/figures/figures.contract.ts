// The figures' query and answer: the office page, the public page and GET /api/v1/reports/figures share them.
import { z } from "@hono/zod-openapi";

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const Day = z
  .string()
  .refine((s) => isDay(s), { message: "not a day", params: { messageKey: "validation.dateImpossible", code: "date" } })
  .openapi({ format: "date", example: "2026-01-01" });

export const FiguresQuery = z
  .strictObject({
    unit: z
      .string()
      .regex(/^\d{2}(\d{3})?$/)
      .optional()
      .openapi({ description: "A commune (5 digits) or a province (2 digits); default: your first unit", example: "02923" }),
    from: Day.optional().openapi({ description: "First day counted (reports received from then), Vietnam time; default: 12 months before `to`" }),
    to: Day.optional().openapi({ description: "Last day counted, inclusive; default: today" }),
  })
  .refine((q) => !q.from || !q.to || !isDay(q.from) || !isDay(q.to) || q.from <= q.to, {
    message: "from after to",
    path: ["from"],
    params: { messageKey: "reports.figures.error.order", code: "order" },
  });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

const share = z.number().nullable().openapi({ description: "A percentage with one decimal; null when nothing to divide by" });
const Row = z.object({
  key: z.string().nullable(),
  label: z.string().nullable().openapi({ description: "The name in Vietnamese; null for a month or no village" }),
  labelEn: z.string().nullable(),
  received: z.number().int(),
  answered: z.number().int(),
  onTime: z.number().int(),
  dueCount: z.number().int(),
  onTimeShare: share,
});

export const ReportFiguresSchema = z
  .object({
    unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    from: z.string(),
    to: z.string(),
    received: z.number().int(),
    open: z.number().int(),
    answered: z.number().int(),
    rejected: z.number().int(),
    closed: z.number().int(),
    onTime: z.object({ count: z.number().int(), of: z.number().int(), share }).openapi({
      description: "Answered by their deadline, of the reports with a deadline that were answered or whose deadline has passed",
    }),
    averageAnswerWorkingDays: z
      .number()
      .nullable()
      .openapi({ description: "From receipt to the first answer, in working days of 8 office hours (the #3 calendar)" }),
    reopened: z
      .object({ count: z.number().int(), of: z.number().int(), share })
      .openapi({ description: "Reopened by the reporter at least once, of the answered" }),
    satisfaction: z.object({ average: z.number().nullable(), count: z.number().int() }).openapi({ description: "The reporters' ratings, 1 to 5" }),
    byCategory: z.array(Row),
    byPlace: z.array(Row).openapi({ description: "By village for a commune (key null: no village given), by commune for a province" }),
    byMonth: z.array(Row).openapi({ description: "key: YYYY-MM, the month received (Vietnam time)" }),
  })
  .openapi("ReportFigures");
