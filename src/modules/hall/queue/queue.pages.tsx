// Pages of the hall's queue part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { hallPaths } from "../hall-paths.ts";
import { bookPage } from "./pages/book-page.tsx";
import { counterPage } from "./pages/counter-page.tsx";
import { kioskPage } from "./pages/kiosk-page.tsx";
import { kioskSetupPage } from "./pages/kiosk-setup-page.tsx";
import { kioskTicketPage } from "./pages/kiosk-ticket-page.tsx";
import { settingsPage } from "./pages/settings-page.tsx";
import { ticketPage } from "./pages/ticket-page.tsx";
import { loadQueueAssets, QUEUE_ASSETS_BASE } from "./queue-assets.ts";

const C = ":commune{[0-9]{5}}";

export function registerQueuePages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const assets = loadQueueAssets();
  app.get(`${QUEUE_ASSETS_BASE}/:name`, (c) => assets.serve(c, c.req.param("name")));
  const kiosk = kioskPage(kit, assets);
  app.get(hallPaths.kiosk(C), kiosk.get);
  app.post(hallPaths.kiosk(C), kiosk.post);
  app.get(hallPaths.kioskTicket(C, ":id"), kioskTicketPage(kit, assets));
  const setup = kioskSetupPage(kit);
  app.get(hallPaths.kioskSetup(":token"), setup.get);
  app.post(hallPaths.kioskSetup(":token"), setup.post);
  app.get(hallPaths.ticket(":id"), ticketPage(kit, assets));
  const book = bookPage(kit);
  app.get(hallPaths.book(C), book.get);
  app.post(hallPaths.book(C), book.post);
  const counter = counterPage(kit);
  app.get(hallPaths.counter, counter.get);
  app.post(hallPaths.counterAction, counter.post);
  const settings = settingsPage(kit);
  app.get(hallPaths.settings, settings.get);
  app.post(hallPaths.settingsService, settings.postService);
  app.post(hallPaths.settingsCounter, settings.postCounter);
  app.post(hallPaths.settingsKiosk, settings.postKiosk);
  app.post(`${hallPaths.settingsKiosk}/revoke`, settings.postRevoke);
}
