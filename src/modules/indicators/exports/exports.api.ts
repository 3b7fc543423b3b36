// /api/v1 routes of indicators' exports part. Handlers are thin: parse → one use case → present.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";

export function registerExportsApi(_api: OpenAPIHono<AppEnv>, _deps: Deps): void {}
