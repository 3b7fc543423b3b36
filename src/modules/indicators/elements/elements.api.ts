// /api/v1 routes of indicators' elements part. Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { readElementsStatus } from "../use-cases/facts-refresh-status.ts";
import { countedOn } from "./element-sources.ts";
import { ElementsStatusSchema } from "./elements.contract.ts";

export function registerElementsApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/indicators/elements",
      tags: ["Indicators"],
      security: [{ bearerAuth: [] }],
      summary:
        "The computed data elements (indicator.read): each element's names, source module, aggregation, the day it counts on, finest level, whether its source has landed, and its source's last refresh; then every refresh step's last run",
      responses: { 200: json(ElementsStatusSchema, "The catalogue"), 401: problems[401], 403: problems[403] },
    }),
    async (c) => {
      const s = await readElementsStatus(deps, useCaseContext(c));
      const vi = translator("vi");
      const en = translator("en");
      const elements = s.elements.map((e) => {
        const key = `indicators.element.${e.key}` as Parameters<typeof vi>[0];
        return { ...e, name: vi(key), nameEn: en(key), countedOn: e.landed ? countedOn(e.key) : null };
      });
      return c.json({ elements, runs: s.runs }, 200);
    },
  );
}
