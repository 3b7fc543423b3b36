// The one-stop desk in the office face: the queues, one dossier with its actions, printable forms and the
// walk-in intake. Every page works without JavaScript; each action is its own small form (POST → redirect → GET).
// The pages live in office/; this file only wires the routes.
import type { Hono } from "hono";
import type { WebContext } from "../../platform/http/web-context.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { deskPage } from "./office/desk-page.tsx";
import { deskSettingsPages } from "./office/desk-settings-page.tsx";
import { dossierActions } from "./office/dossier-actions.ts";
import type { PaymentPanel } from "./citizen/my-dossier-page.tsx";
import { dossierPages } from "./office/dossier-page.tsx";
import { intakePages } from "./office/intake-page.tsx";
import { officeWeb } from "./office/office-context.ts";
import { PRINT_PATHS, printHandlers } from "./office/print-routes.ts";
import { searchPage } from "./office/search-page.tsx";

export { PRINT_PATHS };

export function registerDossierOfficePages(app: Hono<AppEnv>, web: WebContext, opts: { paymentPanel?: PaymentPanel } = {}) {
  const office = officeWeb(web);
  const print = printHandlers(office);
  const dossier = dossierPages(office, opts);
  const act = dossierActions(office, dossier.show);
  const intake = intakePages(office);

  // desk
  app.get("/office/desk", deskPage(office));
  app.get("/office/desk/register.pdf", (c) => print.register(c));
  app.get("/office/search", searchPage(office));

  // one dossier
  app.get("/office/dossiers/:id", (c) => dossier.show(c, c.req.param("id")));
  app.get("/office/dossiers/:id/files/:docId", (c) => dossier.sendFile(c, c.req.param("id"), c.req.param("docId")));
  for (const [slug, kind] of PRINT_PATHS) {
    app.get(`/office/dossiers/:id/${slug}.pdf`, (c) => print.form(c, c.req.param("id"), kind));
  }
  app.post("/office/dossiers/:id/actions/:action", (c) => act(c, c.req.param("id"), c.req.param("action")));

  // walk-in intake
  app.get("/office/desk/intake", (c) => intake.intakePage(c, null));
  app.post("/office/desk/intake", (c) => intake.submit(c));

  // the commune's desk settings
  const settings = deskSettingsPages(office);
  app.get("/office/communes/:code/settings", (c) => settings.show(c, c.req.param("code")));
  app.post("/office/communes/:code/settings", (c) => settings.save(c, c.req.param("code")));
}
