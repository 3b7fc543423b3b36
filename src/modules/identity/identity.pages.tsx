// Sign-in and sign-out, SSO, and the office pages for users, roles, API tokens and the audit log.
import type { Context, Hono } from "hono";
import { deleteCookie, getSignedCookie, setCookie, setSignedCookie } from "hono/cookie";
import type { WebContext } from "../../platform/http/web-context.ts";
import type { Deps } from "../../deps.ts";
import { listAuditForPrincipal } from "../../platform/audit/index.ts";
import { can, type Principal, scopePaths } from "../../platform/auth/authorise.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { ROLES, type Role } from "../../platform/auth/roles.ts";
import { AppError, type FieldError } from "../../platform/http/app-error.ts";
import { attempt, readForm, safeNext, validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { sessionCookieName } from "../../platform/http/middleware.ts";
import { formatDate, formatDateTime } from "../../platform/i18n/format.ts";
import type { MessageKey } from "../../platform/i18n/i18n.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  fieldId,
  type FormState,
  Pagination,
  PostButton,
  SelectField,
  SummaryList,
  Tag,
  TextField,
} from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext, type PageContext } from "../../platform/views/page-context.ts";
import { setFlash, takeFlash } from "../../platform/http/flash.ts";
import { CreateApiTokenInput, CreateUserInput, GrantRoleInput, SignInInput } from "./identity.contract.ts";
import * as identity from "./index.ts";
import { type OidcClient, OidcLevelError } from "./oidc-client.ts";
import { clientIp } from "../../platform/http/client-ip.ts";
import { startBrowserSession } from "./web-session.ts";

const OIDC_COOKIE = "xaso_oidc";
const roleLabel = (t: PageContext["t"], r: Role) => t(`role.${r}` as MessageKey);

function requireSignedIn(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p;
}

function SignInPage(props: { ctx: PageContext; form: FormState; oidcLabel: string | null; next: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t("signIn.title")}>
      <ErrorSummary t={t} errors={props.form.errors} labels={{ username: t("signIn.username"), password: t("signIn.password") }} />
      <h1>{t("signIn.title")}</h1>
      {props.oidcLabel && (
        <>
          <p>
            <a class="button" id={fieldId("sso")} href={`/auth/oidc/start?next=${encodeURIComponent(props.next)}`}>
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
        <a href={props.next === "/office" ? "/sign-in/phone" : `/sign-in/phone?next=${encodeURIComponent(props.next)}`}>{t("citizens.phoneSignIn.title")}</a>
      </p>
    </Layout>
  );
}

export function registerIdentityPages(app: Hono<AppEnv>, web: WebContext, oidc: OidcClient | null) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const sessionCookie = sessionCookieName(secure);
  const oidcLabel = oidc?.label ?? null;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));

  async function beginSession(c: Context<AppEnv>, userId: string, method: string, next: string) {
    await startBrowserSession(c, deps, userId, method);
    setFlash(c, "flash.signedIn", secure);
    return c.redirect(next, 303);
  }

  // A refused SSO callback shows the sign-in page with the reason and a way to retry. Thrown, "unauthenticated"
  // would become the generic 303 to /sign-in?next=<this callback>, which drops the reason and loops back here.
  const ssoRefused = (c: Context<AppEnv>, message: MessageKey, status: 400 | 401, next = "/") =>
    c.html(<SignInPage ctx={page(c)} form={{ values: {}, errors: [{ field: "sso", code: "sso", message }] }} oidcLabel={oidcLabel} next={next} />, status);

  app.get("/sign-in", (c) => {
    const next = safeNext(c.req.query("next"), "/office");
    return c.html(<SignInPage ctx={page(c)} form={emptyForm()} oidcLabel={oidcLabel} next={next} />);
  });

  app.post("/sign-in", async (c) => {
    const values = await readForm(c);
    const next = safeNext(values.next, "/office");
    const parsed = validateForm(SignInInput, values);
    const fail = (errors: FieldError[], status: 400 | 401 | 429) =>
      c.html(<SignInPage ctx={page(c)} form={{ values: { username: values.username ?? "" }, errors }} oidcLabel={oidcLabel} next={next} />, status);
    if (!parsed.ok) return fail(parsed.errors, 400);
    try {
      const { userId } = await identity.signInWithPassword(deps, ctxOf(c), parsed.data, clientIp(c, deps.config.trustProxy));
      return await beginSession(c, userId, "password", next);
    } catch (err) {
      if (err instanceof AppError && err.code === "too_many_requests") {
        return fail([{ field: "username", code: "throttled", message: "signIn.throttled", params: { minutes: deps.config.signIn.windowMinutes } }], 429);
      }
      if (err instanceof AppError && err.code === "unauthenticated") return fail(err.fields, 401);
      throw err;
    }
  });

  app.post("/sign-out", async (c) => {
    if (c.var.sessionToken) await identity.endSession(deps, ctxOf(c), c.var.sessionToken);
    deleteCookie(c, sessionCookie, { path: "/", secure });
    setFlash(c, "flash.signedOut", secure);
    return c.redirect("/", 303);
  });

  app.get("/auth/oidc/start", async (c) => {
    if (!oidc) throw new AppError("not_found", "error.notFound");
    const redirectUri = `${deps.config.publicUrl ?? new URL(c.req.url).origin}/auth/oidc/callback`;
    const start = await oidc.start(redirectUri);
    const next = safeNext(c.req.query("next"), "/");
    await setSignedCookie(c, OIDC_COOKIE, JSON.stringify({ s: start.state, n: start.nonce, v: start.verifier, next }), deps.config.sessionSecret, {
      path: "/auth/oidc",
      httpOnly: true,
      sameSite: "Lax",
      secure,
      maxAge: 600,
    });
    return c.redirect(start.url, 302);
  });

  app.get("/auth/oidc/callback", async (c) => {
    if (!oidc) throw new AppError("not_found", "error.notFound");
    const raw = await getSignedCookie(c, deps.config.sessionSecret, OIDC_COOKIE);
    deleteCookie(c, OIDC_COOKIE, { path: "/auth/oidc", secure });
    if (!raw) return ssoRefused(c, "signIn.ssoExpired", 400);
    const saved = JSON.parse(raw) as { s: string; n: string; v: string; next: string };
    const callbackUrl = new URL(c.req.url);
    if (deps.config.publicUrl) {
      const base = new URL(deps.config.publicUrl);
      callbackUrl.protocol = base.protocol;
      callbackUrl.host = base.host;
    }
    let who;
    try {
      who = await oidc.finish(callbackUrl, { state: saved.s, nonce: saved.n, verifier: saved.v });
    } catch (err) {
      c.var.log.warn({ err }, "SSO sign-in failed");
      return ssoRefused(c, err instanceof OidcLevelError ? "signIn.ssoLevel" : "signIn.ssoFailed", 401, safeNext(saved.next, "/"));
    }
    const { userId } = await identity.signInWithOidc(deps, ctxOf(c), who);
    if (!userId) throw new AppError("forbidden", "signIn.accountDisabled");
    return beginSession(c, userId, "oidc", safeNext(saved.next, "/"));
  });

  // --- office face ---------------------------------------------------------------

  app.get("/office", (c) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t } = ctx;
    const managesUsers = scopePaths(p, "user.read").length > 0;
    return c.html(
      <Layout ctx={ctx} title={t("office.title")} office>
        <h1>{t("office.welcome", { name: p.displayName })}</h1>
        <div class="table-wrap">
          <table>
            <caption>{t("office.yourRoles")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.unit")}</th>
              </tr>
            </thead>
            <tbody>
              {p.grants.length === 0 && (
                <tr>
                  <td colspan={2}>{t("office.noRoles")}</td>
                </tr>
              )}
              {p.grants.map((g) => (
                <tr>
                  <td>{roleLabel(t, g.role)}</td>
                  <td>
                    <a href={`/units/${g.unitCode}`}>{g.unitCode}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul>
          <li>
            <a href="/units">{t("nav.adminUnits")}</a>
          </li>
          {managesUsers && (
            <li>
              <a href="/office/users">{t("nav.users")}</a>
            </li>
          )}
          {managesUsers && (
            <li>
              <a href="/office/audit">{t("nav.audit")}</a>
            </li>
          )}
          <li>
            <a href="/office/tokens">{t("nav.tokens")}</a>
          </li>
          {scopePaths(p, "dossier.read").length > 0 && (
            <li>
              <a href="/office/desk">{t("nav.desk")}</a>
            </li>
          )}
          {scopePaths(p, "stats.read").length > 0 && (
            <li>
              <a href="/office/stats">{t("nav.stats")}</a>
            </li>
          )}
          {p.grants
            .filter((g) => g.role === "commune_admin")
            .map((g) => (
              <li>
                <a href={`/office/communes/${g.unitCode}/settings`}>
                  {t("nav.deskSettings")} ({g.unitCode})
                </a>
              </li>
            ))}
          <li>
            <a href="/office/procedures">{t("nav.procedures")}</a>
          </li>
          <li>
            <a href="/office/calendar">{t("nav.calendar")}</a>
          </li>
        </ul>
      </Layout>,
    );
  });

  app.get("/office/users", async (c) => {
    const ctx = page(c);
    const { t } = ctx;
    const q = c.req.query("q")?.slice(0, 100) || undefined;
    const cursor = c.req.query("cursor");
    const result = await identity.listUsers(deps, ctxOf(c), { cursor, limit: 25, q });
    return c.html(
      <Layout ctx={ctx} title={t("users.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("users.title") }]} />
        <h1>{t("users.title")}</h1>
        <p>
          <a class="button" href="/office/users/new">
            {t("users.create")}
          </a>
        </p>
        <form class="search-form" method="get" action="/office/users" role="search">
          <div class="field">
            <label for="users-q">{t("users.search")}</label>
            <input type="search" id="users-q" name="q" value={q ?? ""} />
          </div>
          <button class="button button--secondary" type="submit">
            {t("units.searchButton")}
          </button>
        </form>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.username")}</th>
                <th scope="col">{t("users.displayName")}</th>
                <th scope="col">{t("users.unit")}</th>
                <th scope="col">{t("users.roles")}</th>
                <th scope="col">{t("users.status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((u) => (
                <tr>
                  <td>
                    <a href={`/office/users/${u.id}`}>{u.username}</a>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{u.homeUnitCode ?? "–"}</td>
                  <td>{u.grants.map((g) => `${roleLabel(t, g.role)} (${g.unitCode})`).join(", ") || "–"}</td>
                  <td>{u.disabledAt ? <Tag tone="red">{t("users.disabled")}</Tag> : <Tag tone="green">{t("users.active")}</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {result.items.length === 0 && <p>{t("users.none")}</p>}
        <Pagination t={t} basePath="/office/users" params={{ q }} nextCursor={result.nextCursor} isFirst={!cursor} />
      </Layout>,
    );
  });

  const userForm = (c: Context<AppEnv>, form: FormState, status: 200 | 400 | 403 | 409 = 200) => {
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("users.create")} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/users", label: t("users.title") }, { label: t("users.create") }]}
        />
        <ErrorSummary
          t={t}
          errors={form.errors}
          labels={{
            username: t("users.username"),
            displayName: t("users.displayName"),
            kind: t("users.kind"),
            homeUnitCode: t("users.unit"),
            email: t("users.email"),
            phone: t("users.phone"),
            password: t("users.password"),
          }}
        />
        <h1>{t("users.create")}</h1>
        <form method="post" action="/office/users" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="username" label={t("users.username")} hint={t("users.usernameHint")} autocomplete="off" required />
          <TextField t={t} form={form} name="displayName" label={t("users.displayName")} autocomplete="off" required />
          <SelectField
            t={t}
            form={form}
            name="kind"
            label={t("users.kind")}
            options={(["officer", "volunteer", "citizen", "service"] as const).map((k) => ({ value: k, label: t(`users.kind.${k}`) }))}
          />
          <TextField t={t} form={form} name="homeUnitCode" label={t("users.unit")} hint={t("users.unitHint")} inputmode="numeric" required />
          <TextField t={t} form={form} name="email" type="email" label={t("users.email")} autocomplete="off" />
          <TextField t={t} form={form} name="phone" type="tel" label={t("users.phone")} hint={t("users.phoneHint")} autocomplete="off" />
          <TextField t={t} form={form} name="password" type="password" label={t("users.password")} hint={t("users.passwordHint")} autocomplete="new-password" />
          <Button>{t("users.create")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  app.get("/office/users/new", (c) => {
    const p = requireSignedIn(c);
    const home = p.grants.find((g) => can(p, "user.manage", { code: g.unitCode, path: g.unitPath }));
    if (!home) throw new AppError("forbidden", "error.forbidden");
    return userForm(c, emptyForm({ homeUnitCode: home.unitCode, kind: "officer" }));
  });

  app.post("/office/users", async (c) => {
    const values = await readForm(c);
    const parsed = validateForm(CreateUserInput, values);
    if (!parsed.ok) return userForm(c, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => identity.createUser(deps, ctxOf(c), parsed.data));
    if (!res.ok) return userForm(c, { values, errors: res.errors }, 400);
    setFlash(c, "flash.userCreated", secure);
    return c.redirect(`/office/users/${res.data}`, 303);
  });

  const userPage = async (c: Context<AppEnv>, id: string, grantForm: FormState, status: 200 | 400 | 403 = 200) => {
    const user = await identity.getUser(deps, ctxOf(c), id);
    const ctx = page(c);
    const { t, locale } = ctx;
    const p = c.var.principal!;
    return c.html(
      <Layout ctx={ctx} title={user.displayName} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/users", label: t("users.title") }, { label: user.username }]}
        />
        <ErrorSummary t={t} errors={grantForm.errors} labels={{ role: t("users.role"), adminUnitCode: t("users.unit") }} />
        <h1>{user.displayName}</h1>
        <SummaryList
          rows={[
            [t("users.username"), user.username],
            [t("users.kind"), t(`users.kind.${user.kind}` as MessageKey)],
            [t("users.unit"), user.homeUnitCode ?? "–"],
            [t("users.email"), user.email ?? "–"],
            [t("users.phone"), user.phone ?? "–"],
            [t("users.created"), formatDate(user.createdAt, locale)],
            [t("users.status"), user.disabledAt ? <Tag tone="red">{t("users.disabled")}</Tag> : <Tag tone="green">{t("users.active")}</Tag>],
          ]}
        />
        <h2>{t("users.roles")}</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("users.roles")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.unit")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("users.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {user.grants.map((g) => (
                <tr>
                  <td>{roleLabel(t, g.role)}</td>
                  <td>{g.unitCode}</td>
                  <td>
                    <PostButton
                      action={`/office/users/${user.id}/roles/revoke`}
                      csrfToken={ctx.csrfToken}
                      label={t("users.revoke")}
                      rowLabel={`${roleLabel(t, g.role)} ${g.unitCode}`}
                      fields={{ role: g.role, adminUnitCode: g.unitCode }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{t("users.grant")}</h2>
        <form method="post" action={`/office/users/${user.id}/roles`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField t={t} form={grantForm} name="role" label={t("users.role")} options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
          <TextField t={t} form={grantForm} name="adminUnitCode" label={t("users.unit")} hint={t("users.unitHint")} inputmode="numeric" required />
          <Button>{t("users.grant")}</Button>
        </form>
        {user.id !== p.userId && (
          <form method="post" action={`/office/users/${user.id}/${user.disabledAt ? "enable" : "disable"}`}>
            <CsrfField token={ctx.csrfToken} />
            <Button variant={user.disabledAt ? "secondary" : "warning"}>{user.disabledAt ? t("users.enable") : t("users.disable")}</Button>
          </form>
        )}
      </Layout>,
      status,
    );
  };

  app.get("/office/users/:id", (c) => userPage(c, c.req.param("id"), emptyForm({ adminUnitCode: "" })));

  app.post("/office/users/:id/roles", async (c) => {
    const id = c.req.param("id");
    const values = await readForm(c);
    const parsed = validateForm(GrantRoleInput, values);
    if (!parsed.ok) return userPage(c, id, { values, errors: parsed.errors }, 400);
    const res = await attempt(() => identity.grantRole(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return userPage(c, id, { values, errors: res.errors }, 400);
    setFlash(c, "flash.roleGranted", secure);
    return c.redirect(`/office/users/${id}`, 303);
  });

  app.post("/office/users/:id/roles/revoke", async (c) => {
    const id = c.req.param("id");
    const values = await readForm(c);
    const parsed = validateForm(GrantRoleInput, values);
    if (!parsed.ok) return userPage(c, id, { values: {}, errors: parsed.errors }, 400);
    const res = await attempt(() => identity.revokeRole(deps, ctxOf(c), id, parsed.data));
    if (!res.ok) return userPage(c, id, { values: {}, errors: res.errors }, 400);
    setFlash(c, "flash.roleRevoked", secure);
    return c.redirect(`/office/users/${id}`, 303);
  });

  for (const action of ["disable", "enable"] as const) {
    app.post(`/office/users/:id/${action}`, async (c) => {
      const id = c.req.param("id");
      const res = await attempt(() => identity.setUserDisabled(deps, ctxOf(c), id, action === "disable"));
      if (!res.ok) return userPage(c, id, { values: {}, errors: res.errors }, 400);
      setFlash(c, action === "disable" ? "flash.userDisabled" : "flash.userEnabled", secure);
      return c.redirect(`/office/users/${id}`, 303);
    });
  }

  const tokensPage = async (c: Context<AppEnv>, form: FormState, created: string | null, status: 200 | 201 | 400 = 200) => {
    const p = requireSignedIn(c);
    const tokens = await identity.listApiTokens(deps, ctxOf(c));
    const ctx = page(c);
    const { t, locale } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("tokens.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("tokens.title") }]} />
        <ErrorSummary
          t={t}
          errors={form.errors}
          labels={{ name: t("tokens.name"), role: t("users.role"), adminUnitCode: t("users.unit"), expiresInDays: t("tokens.days") }}
        />
        <h1>{t("tokens.title")}</h1>
        <p>{t("tokens.intro")}</p>
        {created && (
          <div class="notice notice--success" role="status">
            <p>{t("tokens.createdOnce")}</p>
            <p>
              <code>{created}</code>
            </p>
          </div>
        )}
        {tokens.length === 0 ? (
          <p>{t("tokens.none")}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t("tokens.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tokens.name")}</th>
                  <th scope="col">{t("users.role")}</th>
                  <th scope="col">{t("tokens.expires")}</th>
                  <th scope="col">{t("tokens.lastUsed")}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t("users.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr>
                    <td>
                      {tk.name} <code>{tk.prefix}…</code>
                    </td>
                    <td>{`${roleLabel(t, tk.role)} (${tk.adminUnitCode})`}</td>
                    <td>{tk.expiresAt ? formatDate(tk.expiresAt, locale) : "–"}</td>
                    <td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, locale) : "–"}</td>
                    <td>
                      {tk.revokedAt ? (
                        <Tag tone="grey">{t("tokens.revoked")}</Tag>
                      ) : (
                        <PostButton action={`/office/tokens/${tk.id}/revoke`} csrfToken={ctx.csrfToken} label={t("tokens.revoke")} rowLabel={tk.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h2>{t("tokens.create")}</h2>
        <form method="post" action="/office/tokens" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="name" label={t("tokens.name")} hint={t("tokens.nameHint")} required />
          <SelectField
            t={t}
            form={form}
            name="role"
            label={t("users.role")}
            options={[...new Set(p.grants.map((g) => g.role))].map((r) => ({ value: r, label: roleLabel(t, r) }))}
          />
          <TextField t={t} form={form} name="adminUnitCode" label={t("users.unit")} hint={t("users.unitHint")} inputmode="numeric" required />
          <TextField t={t} form={form} name="expiresInDays" type="number" label={t("tokens.days")} inputmode="numeric" />
          <Button>{t("tokens.create")}</Button>
        </form>
      </Layout>,
      status,
    );
  };

  app.get("/office/tokens", (c) => tokensPage(c, emptyForm({ expiresInDays: "365", adminUnitCode: c.var.principal?.grants[0]?.unitCode ?? "" }), null));

  app.post("/office/tokens", async (c) => {
    const values = await readForm(c);
    const parsed = validateForm(CreateApiTokenInput, values);
    if (!parsed.ok) return tokensPage(c, { values, errors: parsed.errors }, null, 400);
    const res = await attempt(() => identity.createApiToken(deps, ctxOf(c), parsed.data));
    if (!res.ok) return tokensPage(c, { values, errors: res.errors }, null, 400);
    // Shown once, never stored: the page answers the POST directly instead of redirecting.
    c.header("cache-control", "no-store");
    return tokensPage(c, emptyForm({ expiresInDays: "365" }), res.data.token, 201);
  });

  app.post("/office/tokens/:id/revoke", async (c) => {
    await identity.revokeApiToken(deps, ctxOf(c), c.req.param("id"));
    setFlash(c, "flash.tokenRevoked", secure);
    return c.redirect("/office/tokens", 303);
  });

  app.get("/office/audit", async (c) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const before = c.req.query("before");
    const beforeSeq = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
    const entries = await listAuditForPrincipal(deps, c.var.principal, { beforeSeq, limit: 50 });
    const last = entries[entries.length - 1];
    return c.html(
      <Layout ctx={ctx} title={t("audit.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("audit.title") }]} />
        <h1>{t("audit.title")}</h1>
        <p>{t("audit.intro")}</p>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  #
                </th>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("users.unit")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td class="num">{e.seq}</td>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{e.actorLabel}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{`${e.targetType}${e.targetId ? ` ${e.targetId}` : ""}`}</td>
                  <td>{e.adminUnitCode ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {entries.length === 50 && last && (
          <p>
            <a href={`/office/audit?before=${last.seq}`} rel="next">
              {t("nav.nextPage")} »
            </a>
          </p>
        )}
      </Layout>,
    );
  });
}

/** Starts a session and sets the session cookie; every way of signing in (password, SSO, phone code) ends here. */
