// /api/v1 routes of reports' public part: the public map's markers as GeoJSON. Open to anyone, no personal data.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { problems } from "../../../platform/http/openapi-shared.ts";
import { publicReportsGeoJson } from "../use-cases/public-map.ts";
import { GeoJsonQuery, ReportFeatureCollection } from "./public.contract.ts";

export const GEOJSON_MEDIA_TYPE = "application/geo+json";

export function registerPublicApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/public/reports.geojson",
      tags: ["Citizen reports"],
      summary: "A commune's public reports with a place, as GeoJSON points (the public map's markers)",
      description:
        "Only reports shown in public (published, not hidden, not rejected) that have coordinates; newest first, at most `limit`, within `bbox` when given. Properties carry no personal data (no name, phone, e-mail or home address). Coordinates are [longitude, latitude] (RFC 7946). 404 for a commune this installation does not serve.",
      request: { query: GeoJsonQuery },
      responses: {
        200: {
          description: "A FeatureCollection; `truncated` says more reports matched",
          content: { [GEOJSON_MEDIA_TYPE]: { schema: ReportFeatureCollection } },
        },
        400: problems[400],
        404: problems[404],
      },
    }),
    async (c) => {
      const body = await publicReportsGeoJson(deps, c.get("t"), c.get("locale"), c.req.valid("query"));
      return c.json(body, 200, { "content-type": `${GEOJSON_MEDIA_TYPE}; charset=utf-8` });
    },
  );
}
