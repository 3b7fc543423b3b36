// Pages of reports' desk part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { reportPaths } from "../report-paths.ts";
import { deskPage } from "./pages/desk-page.tsx";
import { printPage } from "./pages/print-page.tsx";

export function registerDeskPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  app.get(reportPaths.desk, deskPage(kit));
  app.get(reportPaths.print, printPage(kit));
}
