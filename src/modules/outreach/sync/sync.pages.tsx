// Pages of outreach: visits, field sync, conflicts. Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";

export function registerSyncPages(_app: Hono<AppEnv>, _web: WebContext) {}
