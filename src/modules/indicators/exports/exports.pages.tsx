// Pages of indicators' exports part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";

export function registerExportsPages(_app: Hono<AppEnv>, _web: WebContext): void {}
