// The figures pages: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { WebContext } from "../../platform/http/web-context.ts";
import { officeStatsPage } from "./pages/office-stats-page.tsx";
import { publicFiguresPage } from "./pages/public-figures-page.tsx";
import { statsDownload } from "./pages/stats-download.ts";

export function registerStatsPages(app: Hono<AppEnv>, web: WebContext) {
  app.get("/office/stats", officeStatsPage(web));
  app.get("/office/stats.xlsx", statsDownload(web));
  app.get("/figures", publicFiguresPage(web));
}
