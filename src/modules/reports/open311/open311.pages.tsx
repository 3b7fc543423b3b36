// Pages of reports' open311 part: routes only. The GeoReport v2 server itself (open311-routes.ts) is mounted here
// too, as it lives outside /api/v1 (form-encoded posts, XML answers); each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { reportPaths } from "../report-paths.ts";
import { submitReportFallback } from "../use-cases/open311-submit-fallback.ts";
import { registerOpen311Routes } from "./open311-routes.ts";
import { clientsPages } from "./pages/clients-page.tsx";

export function registerOpen311Pages(app: Hono<AppEnv>, web: WebContext): void {
  // MERGE: pass the reporting part's submitReport here, then delete use-cases/open311-submit-fallback.ts.
  registerOpen311Routes(app, web.deps, submitReportFallback);

  const clients = clientsPages(pageKit(web));
  app.get(reportPaths.open311Clients, clients.show);
  app.post(reportPaths.open311Clients, clients.create);
  app.post(`${reportPaths.open311Clients}/:id/revoke`, clients.revoke);
}
