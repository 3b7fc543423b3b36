// /api/v1 routes of registry: enter once (a citizen account linked to a resident) and assisted filing from the registry.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";

export function registerLinksApi(_api: OpenAPIHono<AppEnv>, _deps: Deps) {}
