// Pages of indicators' elements part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import { elementsPage } from "./pages/elements-page.tsx";

export function registerElementsPages(app: Hono<AppEnv>, web: WebContext): void {
  const elements = elementsPage(pageKit(web));
  app.get(indicatorPaths.elements, elements.get);
  app.post(indicatorPaths.elements, elements.post);
}
