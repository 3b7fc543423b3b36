// The hall's figures: the query (office page, GET /api/v1/hall/figures) and the answer. Times are in seconds.
import { z } from "@hono/zod-openapi";

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const Day = z
  .string()
  .refine((s) => isDay(s), { message: "not a day", params: { messageKey: "validation.dateImpossible", code: "date" } })
  .openapi({ format: "date", example: "2026-12-01" });

/** The longest period one request covers. */
export const MAX_FIGURES_DAYS = 366;
const dayDiff = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

export const HallFiguresQuery = z
  .strictObject({
    commune: z
      .string()
      .regex(/^\d{5}$/)
      .optional()
      .openapi({ description: "The commune (5 digits); default: your first commune with hall.read", example: "02923" }),
    from: Day.optional().openapi({ description: "First day counted (Vietnam-local ticket day); default: 29 days before `to`" }),
    to: Day.optional().openapi({ description: "Last day counted, inclusive; default: today" }),
  })
  .refine((q) => !q.from || !q.to || !isDay(q.from) || !isDay(q.to) || q.from <= q.to, {
    message: "from after to",
    path: ["from"],
    params: { messageKey: "hall.screen.figures.error.order", code: "order" },
  })
  .refine((q) => !q.from || !q.to || !isDay(q.from) || !isDay(q.to) || dayDiff(q.from, q.to) < MAX_FIGURES_DAYS, {
    message: "period too long",
    path: ["to"],
    params: { messageKey: "hall.screen.figures.error.tooLong", code: "too_long" },
  });
export type HallFiguresQuery = z.infer<typeof HallFiguresQuery>;

const seconds = z.number().nullable().openapi({ description: "Seconds (whole); null when no ticket counted" });
export const DurationStats = z
  .object({ count: z.number().int(), median: seconds, average: seconds, p90: seconds.openapi({ description: "90th percentile (interpolated)" }) })
  .openapi("HallDurationStats");
export type DurationStats = z.infer<typeof DurationStats>;

export const HallFiguresRow = z
  .object({
    key: z.string().openapi({ description: "Counter number, service letter, procedure code, hour (00–23), day (YYYY-MM-DD) or source" }),
    label: z.string(),
    labelEn: z.string(),
    tickets: z.number().int().openapi({ description: "Tickets taken (cancelled included)" }),
    served: z.number().int().openapi({ description: "Tickets done" }),
    noShows: z.number().int(),
    cancelled: z.number().int(),
    waiting: DurationStats.openapi({ description: "From the ticket taken (or its booked slot, if later) to its first call" }),
    service: DurationStats.openapi({ description: "From serving (or the call, when serving was not marked) to done" }),
  })
  .openapi("HallFiguresRow");
export type HallFiguresRow = z.infer<typeof HallFiguresRow>;

export const HallFiguresSchema = z
  .object({
    commune: z.object({ code: z.string(), name: z.string() }),
    from: z.string(),
    to: z.string(),
    totals: HallFiguresRow,
    byCounter: z.array(HallFiguresRow).openapi({ description: "By the counter that called the ticket" }),
    byService: z.array(HallFiguresRow),
    byProcedure: z.array(HallFiguresRow).openapi({ description: "By the procedure recorded at the counter" }),
    byHour: z.array(HallFiguresRow).openapi({ description: "By the hour of arrival, Vietnam time (the ticket taken, or its booked slot)" }),
    byDay: z.array(HallFiguresRow),
    bySource: z.array(HallFiguresRow).openapi({ description: "kiosk, sms, online, desk" }),
  })
  .openapi("HallFigures");
export type HallFigures = z.infer<typeof HallFiguresSchema>;
