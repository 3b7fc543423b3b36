// Pages of indicators' dashboards part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import { indicatorPage } from "./pages/indicator-page.tsx";
import { publicIndexPage, publicUnitPage } from "./pages/public-pages.tsx";
import { recordsPage } from "./pages/records-page.tsx";
import { officeRedirect, unitPage } from "./pages/unit-page.tsx";

const UNIT = ":unit{[0-9.]{2,9}}";

export function registerDashboardsPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  app.get(indicatorPaths.office, officeRedirect(kit));
  app.get(`${indicatorPaths.office}/u/${UNIT}`, unitPage(kit));
  app.get(`${indicatorPaths.office}/u/${UNIT}/records/:element{[a-z][a-z0-9_]{0,62}}`, recordsPage(kit));
  app.get(`${indicatorPaths.office}/u/${UNIT}/:set{[a-z0-9][a-z0-9-]{1,62}}/:indicator{[a-z][a-z0-9_]{0,62}}`, indicatorPage(kit));
  app.get(indicatorPaths.publicIndex, publicIndexPage(kit));
  app.get(`${indicatorPaths.publicIndex}/${UNIT}`, publicUnitPage(kit));
}
