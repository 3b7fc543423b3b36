// Pages of reports' figures part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { reportPaths } from "../report-paths.ts";
import { figuresPages } from "./pages/figures-pages.tsx";

export function registerFiguresPages(app: Hono<AppEnv>, web: WebContext): void {
  const pages = figuresPages(pageKit(web));
  app.get(reportPaths.officeFigures, pages.office);
  // Commune codes are 5 digits, so that /reports/follow is never read as a commune.
  app.get("/reports/:commune{[0-9]{5}}/figures", pages.publicPage);
}
