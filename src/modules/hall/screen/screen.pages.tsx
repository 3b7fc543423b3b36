// Pages of hall' screen part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { hallPaths } from "../hall-paths.ts";
import { figuresPage } from "./pages/figures-page.tsx";
import { screenPage } from "./pages/screen-page.tsx";
import { screenEvents } from "./screen-stream.ts";

export function registerScreenPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  app.get("/hall/:commune{[0-9]{5}}/screen", screenPage(kit));
  app.get("/hall/:commune{[0-9]{5}}/screen/events", screenEvents(web.deps));
  app.get(hallPaths.figures, figuresPage(kit));
}
