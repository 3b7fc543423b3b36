// Pages of outreach: skills checklist, coverage, gap list. Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";

export function registerCoveragePages(_app: Hono<AppEnv>, _web: WebContext) {}
