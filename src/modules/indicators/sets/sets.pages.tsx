// Pages of indicators' sets part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";

export function registerSetsPages(_app: Hono<AppEnv>, _web: WebContext): void {}
