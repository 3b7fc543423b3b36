// The dashboards' queries (pages and /api/v1/indicators/*) and the API's answers: the SetResult of the one
// computation, as JSON for the province's operations centre (IOC).
import { z } from "@hono/zod-openapi";

const UnitCode = z
  .string()
  .regex(/^(\d{2}|\d{5}|\d{5}\.\d{3})$/)
  .openapi({ description: "A province (2 digits), a commune (5) or a village (commune + .NNN)", example: "02923" });
const SetKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
  .openapi({ description: "The set's key; default: the province's first set", example: "service-index-766" });
const IndicatorKey = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
const PeriodCode = z
  .string()
  .max(16)
  .openapi({ description: "2026-11 (month), 2026-Q4 (quarter), 2026 (year) or 2026-ytd; default: the current quarter", example: "2026-Q4" });

/** The page's query: which set, period and ranking column. */
export const DashboardQuery = z.object({ set: SetKey.optional(), period: PeriodCode.optional(), sort: IndicatorKey.optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const RecordsQuery = z.object({ period: PeriodCode.optional(), cursor: z.string().max(400).optional() });

export const ValuesQuery = z.strictObject({
  unit: UnitCode,
  set: SetKey.optional(),
  period: PeriodCode.optional(),
  by: z.enum(["self", "children"]).default("self").openapi({ description: "self: the unit's own row; children: one row per commune or village" }),
});
export type ValuesQuery = z.infer<typeof ValuesQuery>;

export const TrendQuery = z.strictObject({
  unit: UnitCode,
  set: SetKey.optional(),
  indicator: IndicatorKey.openapi({ description: "The indicator's key within the set", example: "online_share" }),
  period: PeriodCode.optional().openapi({ description: "The last period of the trend; default: the current quarter" }),
  n: z.coerce.number().int().min(1).max(36).default(6).openapi({ description: "How many periods, the last one included (1–36)" }),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

const UnitJson = z
  .object({ code: z.string(), level: z.enum(["province", "commune", "village"]), name: z.string(), nameEn: z.string().nullable() })
  .openapi("IndicatorUnit");
const PeriodJson = z
  .object({ code: z.string(), kind: z.enum(["month", "quarter", "year", "ytd"]), start: z.string(), end: z.string() })
  .openapi("IndicatorPeriod");
const Status = z.enum(["ok", "noSource", "noData", "notByVillage"]).openapi({
  description: "ok: a value; noSource: the element's module is not part of XãSố yet (never zero); noData: nothing to divide or not approved",
});
export const IndicatorValueJson = z
  .object({
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    group: z.string().nullable(),
    unit: z.enum(["percent", "ratio", "points", "count"]),
    direction: z.enum(["up", "down"]),
    status: Status,
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    points: z.number().nullable(),
    target: z.number().nullable(),
    colour: z.enum(["good", "warn", "bad"]).nullable(),
    missing: z.array(z.string()).openapi({ description: "Manual elements without an approved value" }),
  })
  .openapi("IndicatorValue");

export const IndicatorValuesSchema = z
  .object({
    set: z.object({ key: z.string(), version: z.number().int(), name: z.string(), nameEn: z.string() }),
    unit: UnitJson,
    period: PeriodJson,
    by: z.enum(["self", "children"]),
    asOf: z.string().nullable().openapi({ description: "When the facts were last refreshed (ISO 8601); null: never" }),
    rows: z.array(
      z.object({
        unit: UnitJson,
        index: z.number().nullable(),
        indexMax: z.number().nullable(),
        indicators: z.array(IndicatorValueJson),
        elements: z.record(z.string(), z.number().nullable()).openapi({ description: "Every element the set reads, summed for the unit" }),
      }),
    ),
  })
  .openapi("IndicatorValues");
export type IndicatorValuesJson = z.infer<typeof IndicatorValuesSchema>;

export const IndicatorTrendSchema = z
  .object({
    set: z.object({ key: z.string(), version: z.number().int() }),
    unit: UnitJson,
    indicator: z.object({ key: z.string(), name: z.string(), nameEn: z.string(), unit: z.enum(["percent", "ratio", "points", "count"]) }),
    asOf: z.string().nullable(),
    points: z.array(z.object({ period: PeriodJson, value: IndicatorValueJson })),
  })
  .openapi("IndicatorTrend");
export type IndicatorTrendJson = z.infer<typeof IndicatorTrendSchema>;
