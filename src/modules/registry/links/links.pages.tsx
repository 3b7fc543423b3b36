// Pages of registry: enter once (a citizen account linked to a resident) and assisted filing from the registry.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";

export function registerLinksPages(_app: Hono<AppEnv>, _web: WebContext) {}
