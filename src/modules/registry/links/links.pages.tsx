// Pages of registry: enter once (a citizen account linked to a resident) and assisted filing from the registry.
// The pages live in pages/; this file only wires the routes.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { assistPages } from "./pages/assist-page.tsx";
import { MY_HOUSEHOLD_PATH } from "./link-paths.ts";
import { myHouseholdPages } from "./pages/my-household-page.tsx";
import { residentLinkPages } from "./pages/resident-link-page.tsx";

export function registerLinksPages(app: Hono<AppEnv>, web: WebContext) {
  const w = pageKit(web);
  const mine = myHouseholdPages(w);
  const link = residentLinkPages(w);
  const assist = assistPages(w);

  // the citizen: their household, and "is this you?"
  app.get(MY_HOUSEHOLD_PATH, (c) => mine.show(c));
  app.post(`${MY_HOUSEHOLD_PATH}/links/:linkId`, (c) => mine.decide(c, c.req.param("linkId")));
  // the office: a resident's account link, and filing for them
  app.get("/office/registry/residents/:id/link", (c) => link.show(c, c.req.param("id")));
  app.post("/office/registry/residents/:id/link", (c) => link.decide(c, c.req.param("id")));
  app.get("/office/registry/residents/:id/assist", (c) => assist.show(c, c.req.param("id")));
}
