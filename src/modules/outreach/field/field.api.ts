// /api/v1 routes of outreach: the offline field app (PWA). Handlers are thin; use cases live under use-cases/.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";

export function registerFieldApi(_api: OpenAPIHono<AppEnv>, _deps: Deps) {}
