// Pages of reports' categories part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { reportPaths } from "../report-paths.ts";
import { areaPost } from "./pages/area-form.tsx";
import { categoriesPage, renderCategoriesPage } from "./pages/categories-page.tsx";
import { categoryForm } from "./pages/category-form.tsx";

export function registerCategoriesPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  const form = categoryForm(kit);
  app.get(reportPaths.categories, categoriesPage(kit));
  app.get(`${reportPaths.categories}/edit`, form.get);
  app.post(`${reportPaths.categories}/edit`, form.post);
  const render = renderCategoriesPage(kit);
  app.post(
    `${reportPaths.categories}/area`,
    areaPost(kit, (c, unit, areaForm) => render(c, unit, areaForm)),
  );
}
