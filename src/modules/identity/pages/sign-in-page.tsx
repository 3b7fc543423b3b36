// Signing in with a password (or a link to the SSO), and signing out.
import type { Context } from "hono";
import { deleteCookie } from "hono/cookie";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, setRetryAfter } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { readForm, safeNext, validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { sessionCookieName } from "../../../platform/http/middleware.ts";
import { Button, CsrfField, emptyForm, ErrorSummary, fieldId, type FormState, TextField } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { SignInInput } from "../identity.contract.ts";
import { endSession } from "../use-cases/end-session.ts";
import { signInWithPassword } from "../use-cases/sign-in-with-password.ts";
import { startBrowserSession } from "../web-session.ts";
import { principalOfUser } from "../use-cases/principal-of-user.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

export function SignInPage(props: { ctx: PageContext; form: FormState; oidcLabel: string | null; next: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t("signIn.title")}>
      <ErrorSummary t={t} errors={props.form.errors} labels={{ username: t("signIn.username"), password: t("signIn.password") }} />
      <h1>{t("signIn.title")}</h1>
      {props.oidcLabel && (
        <>
          <p>
            <a class="button" id={fieldId("sso")} href={props.next === "" ? "/auth/oidc/start" : `/auth/oidc/start?next=${encodeURIComponent(props.next)}`}>
              {t("signIn.withSso", { provider: props.oidcLabel })}
            </a>
          </p>
          <h2>{t("signIn.orPassword")}</h2>
        </>
      )}
      <form method="post" action="/sign-in" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <TextField t={t} form={props.form} name="username" label={t("signIn.username")} autocomplete="username" required />
        <TextField t={t} form={props.form} name="password" type="password" label={t("signIn.password")} autocomplete="current-password" required />
        <Button>{t("signIn.submit")}</Button>
      </form>
      <p>
        <a href={props.next === "" ? "/sign-in/phone" : `/sign-in/phone?next=${encodeURIComponent(props.next)}`}>{t("citizens.phoneSignIn.title")}</a>
      </p>
    </Layout>
  );
}

/** Every way of signing in on these pages (password, SSO) ends here: a session, a flash, the page asked for. */
export async function beginSession(iw: PageKit, c: Context<AppEnv>, userId: string, method: string, next: string) {
  await startBrowserSession(c, iw.deps, userId, method);
  setFlash(c, "flash.signedIn", iw.secure);
  return c.redirect(next, 303);
}

/**
 * Where a sign-in ends: the page asked for, else the person's own start: the office home for those who work in
 * the office, their own dossiers (with profile and vault beside them) for a citizen, who never lands in the office.
 */
export function landingOf(p: Principal | null, next: string): string {
  const officer = scopePaths(p, "office.access").length > 0;
  if (next !== "" && (officer || !next.startsWith("/office"))) return next;
  return officer ? "/office" : "/me/dossiers";
}

export function signInPages(iw: PageKit, oidcLabel: string | null) {
  const { deps, secure, page } = iw;

  /** GET /sign-in; without ?next the person lands on their own start page (see landingOf). */
  const show = (c: Context<AppEnv>) => {
    const next = safeNext(c.req.query("next"), "");
    return c.html(<SignInPage ctx={page(c)} form={emptyForm()} oidcLabel={oidcLabel} next={next} />);
  };

  /** POST /sign-in */
  const submit = async (c: Context<AppEnv>) => {
    const values = await readForm(c);
    const next = safeNext(values.next, "");
    const parsed = validateForm(SignInInput, values);
    const fail = (errors: FieldError[], status: 400 | 401 | 429) =>
      c.html(<SignInPage ctx={page(c)} form={{ values: { username: values.username ?? "" }, errors }} oidcLabel={oidcLabel} next={next} />, status);
    if (!parsed.ok) return fail(parsed.errors, 400);
    try {
      const { userId } = await signInWithPassword(deps, ctxOf(c), parsed.data, clientIp(c, deps.config.trustedProxies));
      return await beginSession(iw, c, userId, "password", landingOf(await principalOfUser(deps, userId), next));
    } catch (err) {
      if (err instanceof AppError && err.code === "too_many_requests") {
        setRetryAfter(c, err);
        return fail([{ field: "username", code: "throttled", message: "signIn.throttled", params: err.params }], 429);
      }
      if (err instanceof AppError && err.code === "unauthenticated") return fail(err.fields, 401);
      throw err;
    }
  };

  /** POST /sign-out */
  const signOut = async (c: Context<AppEnv>) => {
    const token = c.get("sessionToken");
    if (token) await endSession(deps, ctxOf(c), token);
    deleteCookie(c, sessionCookieName(secure), { path: "/", secure });
    setFlash(c, "flash.signedOut", secure);
    return c.redirect("/", 303);
  };

  return { show, submit, signOut };
}
