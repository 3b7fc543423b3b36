// /api/v1 routes of indicators' exports part: the same files as the office's downloads, for the province's
// operations centre (IOC) to pull with an API token. Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { problems } from "../../../platform/http/openapi-shared.ts";
import { CSV_MEDIA_TYPE } from "./csv-writer.ts";
import { ApiExportQuery } from "./exports.contract.ts";
import { PDF_MEDIA_TYPE } from "./pdf-writer.ts";
import { EXPORT_FORMATS, exportIndicatorsFile } from "./use-cases/exports-file.ts";
import { XLSX_MEDIA_TYPE } from "./xlsx-writer.ts";

const tags = ["Indicators"];
const security = [{ bearerAuth: [] }];
const errors = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };

const MEDIA = { xlsx: XLSX_MEDIA_TYPE, csv: CSV_MEDIA_TYPE, pdf: PDF_MEDIA_TYPE } as const;
const SUMMARY = {
  xlsx: "A unit's indicators as a workbook: a sheet per set (a row per unit; value, numerator and denominator of each indicator) and a sheet explaining every formula",
  csv: "A unit's indicators as CSV (UTF-8 with BOM): one row per unit and indicator, with value, numerator, denominator, target and status",
  pdf: "The digital-transformation report of a unit in the administrative layout (Decree 30/2020), a table per set",
} as const;

export function registerExportsApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  for (const format of EXPORT_FORMATS) {
    api.openapi(
      createRoute({
        method: "get",
        path: `/api/v1/indicators/export.${format}`,
        tags,
        security,
        summary: SUMMARY[format],
        description: "Figures computed by the one computation the dashboards show (docs/indicators/exports.md); indicator.read on the unit.",
        request: { query: ApiExportQuery },
        responses: { 200: { description: "The file", content: { [MEDIA[format]]: { schema: z.string().openapi({ format: "binary" }) } } }, ...errors },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const file = await exportIndicatorsFile(deps, c.get("principal"), format, { unit: q.unit, set: q.set ?? null, period: q.period, by: q.by });
        return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
          "content-type": file.mediaType,
          "content-disposition": `attachment; filename="${file.filename}"`,
          "cache-control": "private, no-store",
        });
      },
    );
  }
}
