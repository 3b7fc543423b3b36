// /api/v1 routes of reports' photos part. Handlers are thin; use cases live under ../use-cases/.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";

export function registerPhotosApi(_api: OpenAPIHono<AppEnv>, _deps: Deps): void {}
