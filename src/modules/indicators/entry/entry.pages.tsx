// Pages of indicators' entry part: routes only; each page is its own file under pages/.
import type { Context, Hono } from "hono";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { fileResponse } from "../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import { entryFormPage } from "./pages/entry-form-page.tsx";
import { entryListPage } from "./pages/entry-list-page.tsx";
import { reviewPage } from "./pages/review-page.tsx";
import { statusPage } from "./pages/status-page.tsx";
import { evidenceFile } from "./use-cases/entry-evidence.ts";

export function registerEntryPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  app.get(indicatorPaths.entry, entryListPage(kit));
  app.get(indicatorPaths.entryStatus, statusPage(kit));
  const form = entryFormPage(kit);
  // Written as patterns: indicatorPaths.entryForm would encode the ":".
  app.get(`${indicatorPaths.entry}/:unit/:period`, form.get);
  app.post(`${indicatorPaths.entry}/:unit/:period`, form.post);
  app.post(`${indicatorPaths.entry}/:unit/:period/reopen`, form.postReopen);
  const review = reviewPage(kit);
  app.get(indicatorPaths.review, review.get);
  app.post(indicatorPaths.review, review.post);
  app.get(indicatorPaths.evidence(":id"), async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    return fileResponse(c, await evidenceFile(kit.deps, useCaseContext(c), c.req.param("id") ?? ""));
  });
}
