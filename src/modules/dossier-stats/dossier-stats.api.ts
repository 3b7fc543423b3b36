// /api/v1/stats: figures computed from dossiers, as JSON or as a spreadsheet. Handlers are thin.
// Use cases are imported from their files, not index.ts, because index.ts re-exports this file.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, problems } from "../../platform/http/openapi-shared.ts";
import { FiguresReport, StatsQuery } from "./dossier-stats.contract.ts";
import { computeFigures, figuresInput } from "./use-cases/compute-figures.ts";
import { exportFigures, XLSX_MEDIA_TYPE } from "./use-cases/export-figures.ts";

const tags = ["Figures"];
const security = [{ bearerAuth: [] }];
const errors = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };

export function registerStatsApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/stats/dossiers",
      tags,
      security,
      summary: "Figures over dossiers received in a period: online, on-time, digitised and cashless shares, processing time, satisfaction (docs/figures.md)",
      request: { query: StatsQuery },
      responses: { 200: json(FiguresReport, "Totals and one row per procedure or commune"), ...errors },
    }),
    async (c) => c.json(await computeFigures(deps, useCaseContext(c), figuresInput(deps, c.req.valid("query"))), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/stats/dossiers.xlsx",
      tags,
      security,
      summary: "The same figures as a spreadsheet: a sheet of rows with the total, and a sheet of definitions (Vietnamese headers)",
      request: { query: StatsQuery },
      responses: { 200: { description: "The workbook", content: { [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: "binary" }) } } }, ...errors },
    }),
    async (c) => {
      const file = await exportFigures(deps, useCaseContext(c), figuresInput(deps, c.req.valid("query")));
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": file.mediaType,
        "content-disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );
}
