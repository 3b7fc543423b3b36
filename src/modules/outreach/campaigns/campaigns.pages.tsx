// Pages of outreach: campaigns, trainings, recognition. Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { campaignPages } from "./pages/campaigns-pages.tsx";
import { recognitionPages } from "./pages/recognition-pages.tsx";
import { trainingPages } from "./pages/trainings-pages.tsx";

export function registerCampaignsPages(app: Hono<AppEnv>, web: WebContext) {
  const kit = pageKit(web);
  const campaigns = campaignPages(kit);
  app.get("/office/campaigns", campaigns.list);
  app.get("/office/campaigns/new", (c) => campaigns.form(c));
  app.post("/office/campaigns/new", campaigns.create);
  app.get("/office/campaigns/:id", campaigns.show);

  const trainings = trainingPages(kit);
  app.get("/office/trainings", trainings.list);
  app.get("/office/trainings/new", (c) => trainings.form(c));
  app.post("/office/trainings/new", trainings.create);
  app.get("/office/trainings/:id", trainings.show);
  app.post("/office/trainings/:id/attendees", trainings.attendees);
  app.post("/office/trainings/:id/materials", trainings.material);
  app.get("/office/trainings/:id/materials/:fileId", trainings.download);

  const recognition = recognitionPages(kit);
  app.get("/office/recognition", recognition.show);
  app.get("/office/recognition/print", recognition.print);
  app.get("/office/recognition.xlsx", recognition.xlsx);
}
