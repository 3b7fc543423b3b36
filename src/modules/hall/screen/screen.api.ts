// /api/v1 routes of hall' screen part. Handlers are thin: parse → one use case → present.
// The big screen's own stream (server-sent events) is a page route: /hall/:commune/screen/events.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { readHallFigures } from "../use-cases/screen-figures.ts";
import { HallFiguresQuery, HallFiguresSchema } from "./figures.contract.ts";

export function registerScreenApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/hall/figures",
      tags: ["Commune hall"],
      security: [{ bearerAuth: [] }],
      summary:
        "The hall's queue figures of a commune you may read (hall.read): waiting and service times (median, average, 90th percentile, count) per counter, service, procedure, hour and day; tickets by source; no-shows",
      request: { query: HallFiguresQuery },
      responses: { 200: json(HallFiguresSchema, "The figures"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => c.json(await readHallFigures(deps, useCaseContext(c), c.req.valid("query")), 200),
  );
}
