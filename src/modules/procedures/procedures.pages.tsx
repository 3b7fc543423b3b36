// The catalogue's pages: citizens find a procedure and see what to bring; the office edits, imports and exports it.
// Everything works without JavaScript: lists are edited as table rows, with a few empty rows to add more.
// The pages live in pages/; this file only wires the routes.
import type { Hono } from "hono";
import type { WebContext } from "../../platform/http/web-context.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { editPages } from "./pages/edit-page.tsx";
import { officeListPages } from "./pages/office-list-page.tsx";
import { procedurePage } from "./pages/procedure-page.tsx";
import { searchPage } from "./pages/search-page.tsx";
import { pageKit } from "../../platform/http/page-kit.ts";

export { definitionToValues, valuesToInput } from "./pages/definition-form.ts";

export function registerProcedurePages(app: Hono<AppEnv>, web: WebContext) {
  const pages = pageKit(web);
  const show = procedurePage(pages);
  const office = officeListPages(pages);
  const edit = editPages(pages);

  // citizen face
  app.get("/procedures", searchPage(pages));
  app.get("/procedures/:code", (c) => show(c, c.req.param("code")));

  // office face
  app.get("/office/procedures", (c) => office.officeList(c));
  app.post("/office/procedures/import", (c) => office.importFile(c));
  app.post("/office/procedures/:code/active", (c) => office.setActive(c, c.req.param("code")));
  app.get("/office/procedures/new", (c) => edit.newForm(c));
  app.get("/office/procedures/:code/edit", (c) => edit.editForm(c, c.req.param("code")));
  app.post("/office/procedures/new", (c) => edit.save(c, null));
  app.post("/office/procedures/:code/edit", (c) => edit.save(c, c.req.param("code")));
}
