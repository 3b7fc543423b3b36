// Pages of outreach: campaigns, trainings, recognition. Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";

export function registerCampaignsPages(_app: Hono<AppEnv>, _web: WebContext) {}
