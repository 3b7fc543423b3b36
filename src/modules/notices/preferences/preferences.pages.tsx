// Pages of notices' preferences part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { noticePaths } from "../notice-paths.ts";
import { deskPreferencesPage } from "./pages/desk-page.tsx";
import { myPreferencesPage } from "./pages/my-page.tsx";

export function registerPreferencesPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const mine = myPreferencesPage(kit);
  app.get(noticePaths.myPreferences, mine.get);
  app.post(noticePaths.myPreferences, mine.post);
  const desk = deskPreferencesPage(kit);
  app.get(noticePaths.deskPreferences, desk.get);
  app.post(noticePaths.deskPreferences, desk.post);
}
