// Pages of indicators' sets part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import { setExportDownload } from "./pages/set-export.ts";
import { setImportPages } from "./pages/set-import.tsx";
import { setPages } from "./pages/set-page.tsx";
import { setsListPage } from "./pages/sets-list.tsx";
import { targetsPages } from "./pages/targets-page.tsx";

const KEY = ":key{[a-z0-9][a-z0-9-]{1,62}}";

export function registerSetsPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  app.get(indicatorPaths.sets, setsListPage(kit));
  // Before the set's own routes: "import" would otherwise read as a set's key (no set may take it).
  const imp = setImportPages(kit);
  app.get(indicatorPaths.setImport, (c) => imp.form(c));
  app.post(indicatorPaths.setImport, imp.upload);
  const one = setPages(kit);
  app.get(indicatorPaths.set(KEY), (c) => one.show(c, c.req.param("key") as string));
  app.post(indicatorPaths.set(KEY), (c) => one.save(c, c.req.param("key") as string));
  app.get(indicatorPaths.setExport(KEY, "json"), setExportDownload(kit, "json"));
  app.get(indicatorPaths.setExport(KEY, "xlsx"), setExportDownload(kit, "xlsx"));
  const targets = targetsPages(kit);
  app.get(indicatorPaths.targets(KEY), (c) => targets.show(c, c.req.param("key") as string));
  app.post(indicatorPaths.targets(KEY), (c) => targets.save(c, c.req.param("key") as string));
}
