// Pages of reports' public part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { reportPaths } from "../report-paths.ts";
import { MAP_ASSETS_BASE } from "./map-assets.ts";
import { mapSettings } from "./map-settings.ts";
import { communesPage } from "./pages/communes-page.tsx";
import { listPage } from "./pages/list-page.tsx";
import { mapPage } from "./pages/map-page.tsx";
import { reportPage } from "./pages/report-page.tsx";

export function registerPublicPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const map = mapSettings(web);
  app.get(`${MAP_ASSETS_BASE}/images/:name`, (c) => map.assets.serve(c, `images/${c.req.param("name")}`));
  app.get(`${MAP_ASSETS_BASE}/:name`, (c) => map.assets.serve(c, c.req.param("name")));
  app.get(reportPaths.index, communesPage(kit));
  app.get("/reports/:commune{[0-9]{5}}", listPage(kit));
  app.get("/reports/:commune{[0-9]{5}}/map", mapPage(kit, map));
  app.get("/reports/r/:code", reportPage(kit));
}
