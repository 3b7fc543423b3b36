// Pages of reports' reporting part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { mapSettings } from "../public/map-settings.ts";
import { followPages } from "./pages/follow.tsx";
import { lookupPages } from "./pages/lookup.tsx";
import { myReportsPages } from "./pages/my-reports.tsx";
import { newReportPages } from "./pages/new-report.tsx";
import { officeNewPages } from "./pages/office-new.tsx";
import { supportPages } from "./pages/support.tsx";

export function registerReportingPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  // One map picker for the public and the office form: the public part's (map + "use my location", only with JavaScript).
  const map = mapSettings(web);
  const form = newReportPages(kit, map);
  app.get("/reports/:commune{[0-9]{5}}/new", form.form);
  app.post("/reports/:commune{[0-9]{5}}/new", form.submit);

  const lookup = lookupPages(kit);
  app.get("/reports/follow", lookup.form);
  app.post("/reports/follow", lookup.submit);

  const follow = followPages(kit);
  app.get("/reports/follow/:code/:token", (c) => follow.show(c));
  app.post("/reports/follow/:code/:token/confirm", follow.confirm);
  app.post("/reports/follow/:code/:token/reopen", follow.reopen);

  app.post("/reports/r/:code/support", supportPages(kit));

  const mine = myReportsPages(kit);
  app.get("/me/reports", mine.list);
  app.post("/me/reports/:code/confirm", mine.confirm);
  app.post("/me/reports/:code/reopen", mine.reopen);

  const office = officeNewPages(kit, map);
  app.get("/office/reports/new", office.form);
  app.post("/office/reports/new", office.submit);
}
