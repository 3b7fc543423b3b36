// Pages of notices' public part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { noticePaths } from "../notice-paths.ts";
import { communesPage } from "./pages/communes-page.tsx";
import { feedPage } from "./pages/feeds.ts";
import { listPage } from "./pages/list-page.tsx";
import { noticeFilePages } from "./pages/notice-files.ts";
import { noticePage } from "./pages/notice-page.tsx";

const COMMUNE = ":commune{[0-9]{5}}";
const UUID = "[0-9a-fA-F-]{36}";

export function registerPublicPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const files = noticeFilePages(kit);
  app.get(noticePaths.index, communesPage(kit));
  app.get(`/notices/${COMMUNE}`, listPage(kit));
  app.get(`/notices/${COMMUNE}/village/:village{[0-9]{5}\\.[0-9]{3}}`, listPage(kit));
  app.get(`/notices/${COMMUNE}/feed.rss`, feedPage(kit, "rss"));
  app.get(`/notices/${COMMUNE}/feed.atom`, feedPage(kit, "atom"));
  app.get(`/notices/n/:id{${UUID}}`, noticePage(kit));
  app.get(`/notices/n/:id{${UUID}}/files/:fileId{${UUID}}`, files.attachment);
  app.get(`/notices/n/:id{${UUID}}/audio`, files.audio);
}
