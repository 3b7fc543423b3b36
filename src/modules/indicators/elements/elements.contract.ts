// The computed elements' catalogue with their last refresh (GET /api/v1/indicators/elements).
import { z } from "@hono/zod-openapi";

const ElementSchema = z
  .object({
    key: z.string().openapi({ example: "dossier_received_online" }),
    name: z.string().openapi({ example: "Hồ sơ tiếp nhận trực tuyến" }),
    nameEn: z.string().openapi({ example: "Dossiers received online" }),
    source: z.string().openapi({ description: "The module that publishes the data", example: "dossiers" }),
    aggregation: z.enum(["sum", "last"]).openapi({ description: "sum: added up over a period's days; last: a stock read at the period's end" }),
    countedOn: z
      .string()
      .nullable()
      .openapi({ description: "The event whose Vietnam day the element counts on ('snapshot' for a stock); null when no source yet", example: "received" }),
    level: z.enum(["commune", "village"]).openapi({ description: "The finest unit the source knows" }),
    landed: z.boolean().openapi({ description: "False while the source module is not part of XãSố yet: indicators over it read 'no source yet'" }),
    refreshedBy: z.string().nullable().openapi({ description: "The refresh step writing it", example: "dossiers" }),
    lastRefreshAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("IndicatorElement");

const RunSchema = z
  .object({
    source: z.string().openapi({ description: "The refresh step, or step:province for a province's own run", example: "dossiers" }),
    lastRunAt: z.string().nullable().openapi({ format: "date-time" }),
    lastMs: z.number().int().nullable(),
    lastRows: z.number().int().nullable(),
  })
  .openapi("IndicatorRefreshRun");

export const ElementsStatusSchema = z.object({ elements: z.array(ElementSchema), runs: z.array(RunSchema) }).openapi("IndicatorElements");
