// Citizen face of dossiers: apply online (with drafts), follow one's dossiers, answer a supplement request,
// withdraw, rate, and the public status look-up. Every form works without JavaScript: POST → redirect → GET,
// or the same page again with its errors (400), a "changed meanwhile" (409) or a throttle (429).
// The pages live in citizen/; this file only wires the routes.
import type { Hono } from "hono";
import type { WebContext } from "../../platform/http/web-context.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { applyPages } from "./citizen/apply-page.tsx";
import { citizenWeb } from "./citizen/citizen-context.ts";
import { myDossierActions } from "./citizen/my-dossier-actions.ts";
import { type CitizenPageOptions, myDossierPages } from "./citizen/my-dossier-page.tsx";
import { myDossiersPage } from "./citizen/my-dossiers-page.tsx";
import { statusPages } from "./citizen/status-page.tsx";

export { FeePanel } from "./citizen/fee.tsx";
export type { CitizenPageOptions, PaymentPanel } from "./citizen/my-dossier-page.tsx";

export function registerDossierCitizenPages(app: Hono<AppEnv>, web: WebContext, opts: CitizenPageOptions = {}) {
  const citizen = citizenWeb(web);
  const apply = applyPages(citizen);
  const mine = myDossierPages(citizen, opts);
  const act = myDossierActions(citizen, mine.dossierPage);
  const status = statusPages(citizen);

  // the application form
  app.get("/dossiers/new", (c) => apply.newForm(c));
  app.get("/dossiers/:id/edit", (c) => apply.editForm(c, c.req.param("id")));
  app.post("/dossiers/new", (c) => apply.submitApplication(c, null));
  app.post("/dossiers/:id/edit", (c) => apply.submitApplication(c, c.req.param("id")));

  // my dossiers
  app.get("/me/dossiers", myDossiersPage(citizen));
  app.get("/me/dossiers/:id", (c) => mine.show(c, c.req.param("id")));
  app.get("/me/dossiers/:id/files/:docId", (c) => mine.sendFile(c, c.req.param("id"), c.req.param("docId")));
  app.post("/me/dossiers/:id/cancel", (c) => act.cancel(c));
  app.post("/me/dossiers/:id/rate", (c) => act.rate(c));
  app.post("/me/dossiers/:id/supplement", (c) => act.supplement(c));

  // public status look-up
  app.get("/status", (c) => status.lookupForm(c));
  app.post("/status", (c) => status.lookup(c));
}
