// Pages of registry: XLSX/CSV import and export. Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";

export function registerImportPages(_app: Hono<AppEnv>, _web: WebContext) {}
