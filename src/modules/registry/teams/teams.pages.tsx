// Pages of registry: teams, members, assignments. Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { myHouseholdsPage } from "./pages/my-households-page.tsx";
import { teamHouseholdsPages } from "./pages/team-households-page.tsx";
import { teamPages } from "./pages/team-page.tsx";
import { teamsListPages } from "./pages/teams-list-page.tsx";

export function registerTeamsPages(app: Hono<AppEnv>, web: WebContext) {
  const kit = pageKit(web);
  const list = teamsListPages(kit);
  const team = teamPages(kit);
  const households = teamHouseholdsPages(kit);

  app.get("/office/teams", (c) => list.show(c));
  app.post("/office/teams", (c) => list.create(c));
  app.get("/office/teams/:id", (c) => team.show(c, c.req.param("id")));
  app.post("/office/teams/:id", (c) => team.update(c, c.req.param("id")));
  app.post("/office/teams/:id/archive", (c) => team.archive(c, c.req.param("id")));
  app.post("/office/teams/:id/members", (c) => team.addMember(c, c.req.param("id")));
  app.post("/office/teams/:id/members/:userId/remove", (c) => team.removeMember(c, c.req.param("id"), c.req.param("userId")));
  app.post("/office/teams/:id/volunteers", (c) => team.enrol(c, c.req.param("id")));
  app.post("/office/teams/:id/assign", (c) => team.assign(c, c.req.param("id")));
  app.get("/office/teams/:id/households", (c) => households.show(c, c.req.param("id")));
  app.post("/office/teams/:id/households", (c) => households.submit(c, c.req.param("id")));
  app.get("/office/my-households", myHouseholdsPage(kit));
}
