// /api/v1 routes of indicators' dashboards part, for the province's operations centre (IOC). Handlers are thin:
// parse → one use case → present.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { IndicatorTrendSchema, IndicatorValuesSchema, TrendQuery, ValuesQuery } from "./dashboards.contract.ts";
import { readIndicatorTrend, readIndicatorValues } from "./use-cases/dashboard-api.ts";

export function registerDashboardsApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  const responses = <T extends Parameters<typeof json>[0]>(schema: T, what: string) => ({
    200: json(schema, what),
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
  });
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/indicators/values",
      tags: ["Indicators"],
      security: [{ bearerAuth: [] }],
      summary:
        "A set's indicators for a unit you may read (indicator.read) and a period: the unit's own row (by=self) or one row per commune or village (by=children), with the elements summed; shares recomputed from sums",
      request: { query: ValuesQuery },
      responses: responses(IndicatorValuesSchema, "The set's values"),
    }),
    async (c) => c.json(await readIndicatorValues(deps, c.get("principal"), c.req.valid("query")), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/indicators/trend",
      tags: ["Indicators"],
      security: [{ bearerAuth: [] }],
      summary: "One indicator of a set for a unit you may read (indicator.read) over the n periods ending with `period`, oldest first",
      request: { query: TrendQuery },
      responses: responses(IndicatorTrendSchema, "The trend"),
    }),
    async (c) => c.json(await readIndicatorTrend(deps, c.get("principal"), c.req.valid("query")), 200),
  );
}
