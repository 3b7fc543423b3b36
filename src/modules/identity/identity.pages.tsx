// Sign-in and sign-out, SSO, and the office pages for users, roles, API tokens and the audit log.
// The pages live in pages/; this file only wires the routes.
import type { Hono } from "hono";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { WebContext } from "../../platform/http/web-context.ts";
import type { OidcClient } from "./oidc-client.ts";
import { auditPage } from "./pages/audit-page.tsx";
import { pageKit } from "../../platform/http/page-kit.ts";
import { newUserPages } from "./pages/new-user-page.tsx";
import { helpPages } from "./pages/help-page.tsx";
import { officeHomePage } from "./pages/office-home-page.tsx";
import { signInPages } from "./pages/sign-in-page.tsx";
import { ssoPages } from "./pages/sso-pages.tsx";
import { tokensPages } from "./pages/tokens-page.tsx";
import { userPages } from "./pages/user-page.tsx";
import { usersPage } from "./pages/users-page.tsx";

export function registerIdentityPages(app: Hono<AppEnv>, web: WebContext, oidc: OidcClient | null) {
  const iw = pageKit(web);
  const signIn = signInPages(iw, oidc?.label ?? null);
  const sso = ssoPages(iw, oidc);
  const newUser = newUserPages(iw);
  const user = userPages(iw);
  const tokens = tokensPages(iw);

  // signing in and out
  app.get("/sign-in", (c) => signIn.show(c));
  app.post("/sign-in", (c) => signIn.submit(c));
  app.post("/sign-out", (c) => signIn.signOut(c));
  app.get("/auth/oidc/start", (c) => sso.start(c));
  app.get("/auth/oidc/callback", (c) => sso.callback(c));

  // the office
  app.get("/office", officeHomePage(iw));

  // the guides, one per role
  const help = helpPages(iw);
  app.get("/help", (c) => help.index(c));
  app.get("/help/:guide", (c) => help.guide(c, c.req.param("guide")));

  // users and their roles
  app.get("/office/users", usersPage(iw));
  app.get("/office/users/new", (c) => newUser.show(c));
  app.post("/office/users", (c) => newUser.submit(c));
  app.get("/office/users/:id", (c) => user.show(c, c.req.param("id")));
  app.post("/office/users/:id/roles", (c) => user.grant(c, c.req.param("id")));
  app.post("/office/users/:id/roles/revoke", (c) => user.revoke(c, c.req.param("id")));
  app.post("/office/users/:id/disable", (c) => user.setDisabled(c, c.req.param("id"), true));
  app.post("/office/users/:id/enable", (c) => user.setDisabled(c, c.req.param("id"), false));

  // API tokens
  app.get("/office/tokens", (c) => tokens.show(c));
  app.post("/office/tokens", (c) => tokens.create(c));
  app.post("/office/tokens/:id/revoke", (c) => tokens.revoke(c, c.req.param("id")));

  // audit log
  app.get("/office/audit", auditPage(iw));
}
