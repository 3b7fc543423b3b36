// /api/v1 routes of outreach: skills checklist, coverage, gap list. Handlers are thin; use cases live under use-cases/.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";

export function registerCoverageApi(_api: OpenAPIHono<AppEnv>, _deps: Deps) {}
