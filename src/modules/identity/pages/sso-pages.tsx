// Signing in through the national SSO (OpenID Connect): the redirect out, and the callback back in.
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { safeNext } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { type OidcClient, type OidcIdentity, OidcLevelError } from "../oidc-client.ts";
import { signInWithOidc } from "../use-cases/sign-in-with-oidc.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";
import { principalOfUser } from "../use-cases/principal-of-user.ts";
import { beginSession, landingOf, SignInPage } from "./sign-in-page.tsx";

const OIDC_COOKIE = "xaso_oidc";

export function ssoPages(iw: PageKit, oidc: OidcClient | null) {
  const { deps, secure, page } = iw;

  // A refused SSO callback shows the sign-in page with the reason and a way to retry. Thrown, "unauthenticated"
  // would become the generic 303 to /sign-in?next=<this callback>, which drops the reason and loops back here.
  const refused = (c: Context<AppEnv>, message: MessageKey, status: 400 | 401, next = "/") =>
    c.html(
      <SignInPage ctx={page(c)} form={{ values: {}, errors: [{ field: "sso", code: "sso", message }] }} oidcLabel={oidc?.label ?? null} next={next} />,
      status,
    );

  /** GET /auth/oidc/start */
  const start = async (c: Context<AppEnv>) => {
    if (!oidc) throw new AppError("not_found", "error.notFound");
    const redirectUri = `${deps.config.publicUrl ?? new URL(c.req.url).origin}/auth/oidc/callback`;
    const begun = await oidc.start(redirectUri);
    const next = safeNext(c.req.query("next"), "");
    await setSignedCookie(c, OIDC_COOKIE, JSON.stringify({ s: begun.state, n: begun.nonce, v: begun.verifier, next }), deps.config.sessionSecret, {
      path: "/auth/oidc",
      httpOnly: true,
      sameSite: "Lax",
      secure,
      maxAge: 600,
    });
    return c.redirect(begun.url, 302);
  };

  /** GET /auth/oidc/callback */
  const callback = async (c: Context<AppEnv>) => {
    if (!oidc) throw new AppError("not_found", "error.notFound");
    const raw = await getSignedCookie(c, deps.config.sessionSecret, OIDC_COOKIE);
    deleteCookie(c, OIDC_COOKIE, { path: "/auth/oidc", secure });
    if (!raw) return refused(c, "signIn.ssoExpired", 400);
    const saved = JSON.parse(raw) as { s: string; n: string; v: string; next: string };
    const callbackUrl = new URL(c.req.url);
    if (deps.config.publicUrl) {
      const base = new URL(deps.config.publicUrl);
      callbackUrl.protocol = base.protocol;
      callbackUrl.host = base.host;
    }
    let who: OidcIdentity;
    try {
      who = await oidc.finish(callbackUrl, { state: saved.s, nonce: saved.n, verifier: saved.v });
    } catch (err) {
      c.get("log").warn({ err }, "SSO sign-in failed");
      return refused(c, err instanceof OidcLevelError ? "signIn.ssoLevel" : "signIn.ssoFailed", 401, safeNext(saved.next, "/"));
    }
    const { userId } = await signInWithOidc(deps, ctxOf(c), who);
    if (!userId) throw new AppError("forbidden", "signIn.accountDisabled");
    // Like a password sign-in: the page asked for, else the person's own start (a citizen's dossiers).
    return beginSession(iw, c, userId, "oidc", landingOf(await principalOfUser(deps, userId), safeNext(saved.next, "")));
  };

  return { start, callback };
}
