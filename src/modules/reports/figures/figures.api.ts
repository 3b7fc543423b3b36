// /api/v1 routes of reports' figures part. Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { officeReportFigures } from "../use-cases/figures-read.ts";
import { FiguresQuery, ReportFiguresSchema } from "./figures.contract.ts";

export function registerFiguresApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/reports/figures",
      tags: ["Citizen reports"],
      security: [{ bearerAuth: [] }],
      summary:
        "Citizen-report figures of a commune or province you may read: received by category, place and month; share answered on time; average working days to answer; share reopened; satisfaction",
      request: { query: FiguresQuery },
      responses: { 200: json(ReportFiguresSchema, "The figures"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => c.json(await officeReportFigures(deps, useCaseContext(c), c.req.valid("query")), 200),
  );
}
