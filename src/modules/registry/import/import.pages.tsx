// Pages of registry: XLSX/CSV import and export. Routes only; each page is its own file.
import type { Hono } from "hono";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { exportDownload } from "./pages/export-download.ts";
import { importPages } from "./pages/import-page.tsx";
import { importsPages } from "./pages/imports-page.tsx";

export function registerImportPages(app: Hono<AppEnv>, web: WebContext) {
  const kit = pageKit(web);
  const list = importsPages(kit);
  const one = importPages(kit);
  app.get("/office/registry/imports", (c) => list.list(c));
  app.post("/office/registry/imports", (c) => list.upload(c));
  app.get("/office/registry/imports/:id", (c) => one.show(c, c.req.param("id")));
  app.post("/office/registry/imports/:id/commit", (c) => one.commit(c, c.req.param("id")));
  app.get("/office/registry/export", exportDownload(kit));
}
