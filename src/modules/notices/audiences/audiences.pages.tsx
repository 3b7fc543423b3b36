// Pages of notices' audiences part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { noticePaths } from "../notice-paths.ts";
import { audiencesPages } from "./pages/audiences-pages.tsx";

export function registerAudiencesPages(app: Hono<AppEnv>, web: WebContext): void {
  const pages = audiencesPages(pageKit(web));
  app.get(noticePaths.officeAudience(":id"), pages.audience);
  app.get(noticePaths.officeDeliveries(":id"), pages.deliveries);
}
