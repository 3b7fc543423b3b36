// Pages of reports' open311 part: routes only. The GeoReport v2 server itself (open311-routes.ts) is mounted here
// too, as it lives outside /api/v1 (form-encoded posts, XML answers); each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { reportPaths } from "../report-paths.ts";
import { submitReport } from "../use-cases/report-submit.ts";
import { registerOpen311Routes } from "./open311-routes.ts";
import { clientsPages } from "./pages/clients-page.tsx";

export function registerOpen311Pages(app: Hono<AppEnv>, web: WebContext): void {
  // A post becomes a report through the same use case as the web form (checks, code, deadline, SMS, flood limit).
  registerOpen311Routes(app, web.deps, submitReport);

  const clients = clientsPages(pageKit(web));
  app.get(reportPaths.open311Clients, clients.show);
  app.post(reportPaths.open311Clients, clients.create);
  app.post(`${reportPaths.open311Clients}/:id/revoke`, clients.revoke);
}
