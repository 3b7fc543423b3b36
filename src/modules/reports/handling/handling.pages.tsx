// Pages of reports' handling part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { officeReportPages } from "./pages/office-report.tsx";

// A report's id is a UUID: the desk's own addresses (/office/reports/new, /print, /categories, ...) never match.
const ID = ":id{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

export function registerHandlingPages(app: Hono<AppEnv>, web: WebContext): void {
  const pages = officeReportPages(pageKit(web));
  app.get(`/office/reports/${ID}`, pages.show);
  app.post(`/office/reports/${ID}/actions/:action`, pages.act);
}
