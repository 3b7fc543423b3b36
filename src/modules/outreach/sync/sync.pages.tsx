// Pages of outreach: visits, field sync, conflicts. Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { conflictPages } from "./pages/conflict-page.tsx";
import { conflictsPage } from "./pages/conflicts-page.tsx";
import { visitsPage } from "./pages/visits-page.tsx";

export function registerSyncPages(app: Hono<AppEnv>, web: WebContext) {
  const kit = pageKit(web);
  const conflict = conflictPages(kit);
  app.get("/office/field/conflicts", conflictsPage(kit));
  app.get("/office/field/conflicts/:id", conflict.show);
  app.post("/office/field/conflicts/:id", conflict.settle);
  app.get("/office/visits", visitsPage(kit));
}
