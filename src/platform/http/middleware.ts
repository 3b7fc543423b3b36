// Cross-cutting request handling: ids and logs, language, CSRF, who is asking, and error rendering.
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { Principal } from "../auth/authorise.ts";
import { negotiateLocale, translator } from "../i18n/i18n.ts";
import type { Metrics } from "../observability/metrics.ts";
import { AppError, toProblem } from "./app-error.ts";
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, csrfTokenFor, csrfValid, newCsrfSeed } from "./csrf.ts";
import type { AppEnv } from "./hono-env.ts";

export const LANG_COOKIE = "xaso_lang";
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const isApiPath = (path: string) => path.startsWith("/api/");

export function sessionCookieName(secure: boolean) {
  // __Host- binds the cookie to this exact origin over HTTPS, so a sibling subdomain cannot plant one.
  return secure ? "__Host-xaso_session" : "xaso_session";
}

export function requestContext(log: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const reqLog = log.child({ reqId: requestId });
    c.set("requestId", requestId);
    c.set("log", reqLog);
    c.set("principal", null);
    c.set("sessionToken", null);
    // Before the handler: Hono's c.header() after the handler has answered rebuilds the answer around its body as
    // a stream, which @hono/node-server then writes chunk by chunk (about a third of a small API answer's CPU).
    c.header("x-request-id", requestId);
    const start = performance.now();
    await next();
    const ms = performance.now() - start;
    const route = c.req.routePath || "unmatched";
    observeDuration(metrics, c.req.method, route, c.res.status, ms / 1000);
    if (!c.req.path.startsWith("/assets/") && c.req.path !== "/healthz") {
      reqLog.info({ method: c.req.method, path: c.req.path, route, status: c.res.status, ms: Math.round(ms * 10) / 10 }, "request");
    }
  };
}

/** Adds a token to the finished response's Vary header unless it is there already (its own headers: no rebuild). */
export function addVary(c: Context, token: string) {
  const current = c.res.headers.get("vary");
  if (
    current === "*" ||
    current
      ?.toLowerCase()
      .split(/\s*,\s*/)
      .includes(token.toLowerCase())
  )
    return;
  c.res.headers.set("vary", current ? `${current}, ${token}` : token);
}

/** prom-client hashes the label object on every observe; the labelled child for each label tuple is kept instead. */
function observeDuration(metrics: Metrics, method: string, route: string, status: number, seconds: number) {
  const key = `${method} ${status} ${route}`;
  let child = metrics.durationByLabels.get(key);
  if (!child) {
    child = metrics.httpDuration.labels({ method, route, status: String(status) });
    metrics.durationByLabels.set(key, child);
  }
  child.observe(seconds);
}

export function localeMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const locale = negotiateLocale(getCookie(c, LANG_COOKIE), c.req.header("accept-language"));
    c.set("locale", locale);
    c.set("t", translator(locale));
    await next();
  };
}

/** After the principal is known, a signed-in user's saved language wins over the browser's. */
export function userLocaleMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get("principal");
    if (p?.locale && !getCookie(c, LANG_COOKIE)) {
      c.set("locale", p.locale);
      c.set("t", translator(p.locale));
    }
    await next();
  };
}

export type PrincipalResolvers = {
  fromSession(token: string): Promise<Principal | null>;
  fromApiToken(token: string): Promise<Principal | null>;
};

export function principalMiddleware(resolvers: PrincipalResolvers, cookieSecure: boolean): MiddlewareHandler<AppEnv> {
  const cookieName = sessionCookieName(cookieSecure);
  return async (c, next) => {
    const auth = c.req.header("authorization");
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const principal = m?.[1] ? await resolvers.fromApiToken(m[1]) : null;
      if (!principal) throw new AppError("unauthenticated", "error.badToken");
      c.set("principal", principal);
      return next();
    }
    const token = getCookie(c, cookieName);
    if (token) {
      const principal = await resolvers.fromSession(token);
      if (principal) {
        c.set("principal", principal);
        c.set("sessionToken", token);
      } else {
        // A stale or forged cookie is dropped quietly: the visitor is simply signed out.
        setCookie(c, cookieName, "", { path: "/", maxAge: 0, secure: cookieSecure, httpOnly: true, sameSite: "Lax" });
      }
    }
    await next();
  };
}

/**
 * Every unsafe request from a browser must prove it came from our own form (or, for the API with a
 * session cookie, carry the token in a header). Bearer-token API calls are not sent by browsers on their own.
 */
export function csrfMiddleware(secret: string, cookieSecure: boolean, opts: { anonymousPaths?: readonly string[] } = {}): MiddlewareHandler<AppEnv> {
  const anonymousPaths = new Set(opts.anonymousPaths);
  return async (c, next) => {
    if (UNSAFE.has(c.req.method) && anonymousPaths.has(c.req.path) && c.get("principal") === null) {
      // Posts that change nothing but the anonymous visitor's own cookies need no token (see createApp).
      c.set("csrfToken", "");
      return next();
    }
    let seed = getCookie(c, CSRF_COOKIE);
    if (isApiPath(c.req.path)) {
      // The API renders no forms: no seed to mint, only cookie-authenticated writes to check.
      const usesCookie = UNSAFE.has(c.req.method) && c.req.header("authorization") === undefined && c.get("sessionToken") !== null;
      if (usesCookie && !csrfValid(seed, c.req.header(CSRF_HEADER), secret)) throw new AppError("csrf", "error.csrf");
      c.set("csrfToken", "");
      return next();
    }
    if (!seed || !/^[A-Za-z0-9_-]{10,64}$/.test(seed)) {
      seed = newCsrfSeed();
      setCookie(c, CSRF_COOKIE, seed, { path: "/", httpOnly: true, sameSite: "Lax", secure: cookieSecure });
      // A request that arrived without the cookie cannot carry a matching token.
      if (UNSAFE.has(c.req.method)) seed = "";
    }
    c.set("csrfToken", seed ? csrfTokenFor(seed, secret) : "");
    if (UNSAFE.has(c.req.method)) {
      const type = c.req.header("content-type") ?? "";
      let token: unknown = c.req.header(CSRF_HEADER);
      if (!token && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
        token = (await c.req.parseBody())[CSRF_FIELD];
      }
      if (!csrfValid(seed, token, secret)) throw new AppError("csrf", "error.csrf");
    }
    await next();
  };
}

/** API bodies must be JSON: anything else is a 415 rather than a confusing list of missing fields. */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === "POST" || c.req.method === "PUT" || c.req.method === "PATCH") {
      const type = c.req.header("content-type") ?? "";
      if (!/^application\/(.+\+)?json\b/i.test(type)) throw new AppError("unsupported_media_type", "error.unsupportedMediaType");
    }
    await next();
  };
}

export type ErrorPage = (c: Context<AppEnv>, status: number, title: string, detail: string) => Response | Promise<Response>;

/** Maps every error once: problem+json for the API, a calm page elsewhere, never a stack trace. */
export function errorHandler(metrics: Metrics, page: ErrorPage) {
  return async (err: Error, c: Context<AppEnv>): Promise<Response> => {
    const appErr = toAppError(err);
    const t = c.get("t") ?? translator("vi");
    const requestId = c.get("requestId") ?? "-";
    if (!appErr) {
      (c.get("log") ?? console).error({ err }, "unhandled error");
      metrics.httpErrors.inc({ code: "internal" });
      const body = {
        type: "/docs/problems#internal",
        title: t("error.internal"),
        status: 500,
        detail: t("error.internalDetail", { requestId }),
        instance: c.req.path,
        requestId,
      };
      if (isApiPath(c.req.path)) return c.body(JSON.stringify(body), 500, { "content-type": "application/problem+json; charset=utf-8" });
      return page(c, 500, body.title, body.detail);
    }
    metrics.httpErrors.inc({ code: appErr.code });
    const problem = toProblem(appErr, t, c.req.path, requestId);
    if (appErr.retryAfterSeconds) c.header("Retry-After", String(appErr.retryAfterSeconds));
    if (isApiPath(c.req.path) || wantsJson(c)) {
      return c.body(JSON.stringify(problem), appErr.status as 400, { "content-type": "application/problem+json; charset=utf-8" });
    }
    if (appErr.code === "unauthenticated" && c.req.method === "GET") {
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    return page(c, appErr.status, problem.title, problem.detail);
  };
}

function wantsJson(c: Context) {
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

function toAppError(err: Error): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large", "error.payloadTooLarge");
    if (/json/i.test(err.message)) return new AppError("bad_json", "error.badJson");
    if (err.status === 400) return new AppError("validation", "error.badRequest");
    if (err.status === 401) return new AppError("unauthenticated", "error.unauthenticated");
    if (err.status === 404) return new AppError("not_found", "error.notFound");
  }
  // A malformed cookie or percent-encoding in the URL is the client's fault, not ours.
  if (err instanceof URIError) return new AppError("validation", "error.badRequest");
  return null;
}
