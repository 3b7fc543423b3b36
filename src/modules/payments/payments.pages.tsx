// Payment pages: the receipt, and the desk's confirm / waive / refund posts (POST → redirect → GET; errors
// beside fields). The pages live in pages/; the panel the dossier pages embed is payment-panel.tsx.
// This file only wires the routes.
import type { Hono } from "hono";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { WebContext } from "../../platform/http/web-context.ts";
import { deskFormPages } from "./pages/desk-forms-page.tsx";
import { pageKit } from "../../platform/http/page-kit.ts";
import { receiptPages } from "./pages/receipt-page.tsx";

export function registerPaymentPages(app: Hono<AppEnv>, web: WebContext) {
  const w = pageKit(web);
  const desk = deskFormPages(w);
  const receipt = receiptPages(w);

  // the desk's posts from the dossier page
  app.post("/office/dossiers/:id/payment/confirm", (c) => desk.confirm(c, c.req.param("id")));
  app.post("/office/dossiers/:id/payment/exempt", (c) => desk.exempt(c, c.req.param("id")));

  // the receipt
  app.get("/payments/:id/receipt", (c) => receipt.show(c, c.req.param("id")));
  app.get("/payments/:id/receipt.pdf", (c) => receipt.pdf(c, c.req.param("id")));
  app.post("/office/payments/:id/refund", (c) => receipt.refund(c, c.req.param("id")));
}
