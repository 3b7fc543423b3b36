// Pages of reports' photos part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { moderationPages } from "./pages/moderation-page.tsx";
import { photoFilePages } from "./pages/photo-files.ts";

export function registerPhotosPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const files = photoFilePages(kit);
  app.get("/reports/photos/:file", files.publicCopy);
  app.get("/reports/follow/:code/:token/photos/:file", files.followCopy);
  app.get("/office/reports/photos/:file", files.officeCopy);
  app.get("/office/reports/photos/:id/original", files.original);

  const moderation = moderationPages(kit);
  app.get("/office/reports/:id/moderation", moderation.show);
  app.post("/office/reports/:id/moderation/hide", moderation.act(true, "report"));
  app.post("/office/reports/:id/moderation/unhide", moderation.act(false, "report"));
  app.post("/office/reports/:id/moderation/photos/:photoId/hide", moderation.act(true, "photo"));
  app.post("/office/reports/:id/moderation/photos/:photoId/unhide", moderation.act(false, "photo"));
}
