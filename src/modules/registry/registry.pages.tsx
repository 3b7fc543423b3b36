// Pages of registry: households, residents, moves, search. Routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { WebContext } from "../../platform/http/web-context.ts";
import { householdPages } from "./pages/household-page.tsx";
import { newHouseholdPages } from "./pages/new-household-page.tsx";
import { registryWeb } from "./pages/registry-web.ts";
import { residentPages } from "./pages/resident-page.tsx";
import { searchPage } from "./pages/search-page.tsx";
import type { HouseholdPanel, ResidentPanel } from "./registry-slots.ts";

export function registerRegistryPages(
  app: Hono<AppEnv>,
  web: WebContext,
  panels: { residentPanel?: ResidentPanel | undefined; householdPanel?: HouseholdPanel | undefined } = {},
) {
  const kit = registryWeb(web);
  const created = newHouseholdPages(kit);
  const household = householdPages(kit, panels.householdPanel);
  const resident = residentPages(kit, panels.residentPanel);

  app.get("/office/registry", searchPage(kit));
  app.get("/office/registry/households/new", (c) => created.show(c));
  app.post("/office/registry/households/new", (c) => created.submit(c));
  app.get("/office/registry/households/:id", (c) => household.show(c, c.req.param("id")));
  app.post("/office/registry/households/:id", (c) => household.edit(c, c.req.param("id")));
  app.post("/office/registry/households/:id/residents", (c) => household.add(c, c.req.param("id")));
  app.post("/office/registry/households/:id/head", (c) => household.head(c, c.req.param("id")));
  app.get("/office/registry/residents/:id", (c) => resident.show(c, c.req.param("id")));
  app.post("/office/registry/residents/:id", (c) => resident.edit(c, c.req.param("id")));
  app.post("/office/registry/residents/:id/move", (c) => resident.move(c, c.req.param("id")));
  app.post("/office/registry/residents/:id/archive", (c) => resident.archive(c, c.req.param("id")));
}
