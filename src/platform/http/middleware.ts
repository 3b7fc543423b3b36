// Cross-cutting request handling: ids and logs, language, CSRF, who is asking, and error rendering.
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import pg from "pg";
import type { Logger } from "pino";
import type { Principal } from "../auth/authorise.ts";
import { isDatabaseUnavailable } from "../db/database.ts";
import { negotiateLocale, translator } from "../i18n/i18n.ts";
import type { Metrics } from "../observability/metrics.ts";
import { AppError, toProblem } from "./app-error.ts";
import { CSRF_FIELD, CSRF_HEADER, csrfSeed, csrfTokenFor, csrfValid, ensureCsrfSeed } from "./csrf.ts";
import type { AppEnv } from "./hono-env.ts";

export const LANG_COOKIE = "xaso_lang";
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Seconds a client is asked to wait before retrying when the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

export const isApiPath = (path: string) => path.startsWith("/api/");
/** The API's reference is a page (a person reads it, switches its language) though it sits under /api/. */
export const API_DOCS_PAGE = "/api/docs";
const isApiCall = (path: string) => isApiPath(path) && path !== API_DOCS_PAGE;

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
    const locale = negotiateLocale(getCookie(c, LANG_COOKIE), c.req.header("accept-language"), { api: isApiCall(c.req.path) });
    c.set("locale", locale);
    c.set("t", translator(locale));
    await next();
  };
}

/** After the principal is known, a signed-in user's saved language wins over the default (and the API's Accept-Language). */
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

/**
 * `deviceBearer`: paths whose Bearer is a device's own key (a loudspeaker station's player), checked by the route
 * itself; the request then has no principal.
 */
export function principalMiddleware(
  resolvers: PrincipalResolvers,
  cookieSecure: boolean,
  deviceBearer: (path: string) => boolean = () => false,
): MiddlewareHandler<AppEnv> {
  const cookieName = sessionCookieName(cookieSecure);
  return async (c, next) => {
    const auth = c.req.header("authorization");
    if (auth !== undefined && deviceBearer(c.req.path)) return next();
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
 * session cookie, carry the token in a header), rendered for this session. Bearer-token API calls are not sent
 * by browsers on their own.
 */
export function csrfMiddleware(
  secret: string,
  cookieSecure: boolean,
  opts: { anonymousPaths?: readonly string[]; keyAuthenticatedPrefixes?: readonly string[] } = {},
): MiddlewareHandler<AppEnv> {
  const anonymousPaths = new Set(opts.anonymousPaths);
  const keyPrefixes = opts.keyAuthenticatedPrefixes ?? [];
  return async (c, next) => {
    // Routes that authenticate each call by a key in the request (never by the cookie, whose principal they ignore)
    // render no forms and have nothing a forged cross-site post could borrow.
    if (keyPrefixes.some((prefix) => c.req.path.startsWith(prefix))) {
      c.set("csrfToken", "");
      return next();
    }
    if (UNSAFE.has(c.req.method) && anonymousPaths.has(c.req.path) && c.get("principal") === null) {
      // Posts that change nothing but the anonymous visitor's own cookies need no token (see createApp).
      c.set("csrfToken", "");
      return next();
    }
    const session = c.get("sessionToken");
    // The API docs page carries the language switch, so it gets a token like every other page.
    if (isApiCall(c.req.path)) {
      // The API renders no forms: no seed to mint, only cookie-authenticated writes to check.
      const usesCookie = UNSAFE.has(c.req.method) && c.req.header("authorization") === undefined && session !== null;
      if (usesCookie && !csrfValid(csrfSeed(c, cookieSecure), c.req.header(CSRF_HEADER), secret, session)) throw new AppError("csrf", "error.csrf");
      c.set("csrfToken", "");
      return next();
    }
    const { seed, minted } = ensureCsrfSeed(c, cookieSecure);
    // A request that arrived without the cookie cannot carry a matching token; the page it gets holds one.
    c.set("csrfToken", csrfTokenFor(seed, secret, session));
    if (UNSAFE.has(c.req.method)) {
      const type = c.req.header("content-type") ?? "";
      let token: unknown = c.req.header(CSRF_HEADER);
      if (!token && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
        token = (await c.req.parseBody())[CSRF_FIELD];
      }
      if (minted || !csrfValid(seed, token, secret, session)) throw new AppError("csrf", "error.csrf");
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
    // Kept in the log: input the edge check should have stopped, or a cast of ours the database refused.
    if (appErr && err instanceof pg.DatabaseError) (c.get("log") ?? console).warn({ err }, "input refused by the database");
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
    if (appErr.code === "unavailable") {
      // Not the client's fault, and nothing acknowledged (a transaction cut off is rolled back): worth a retry shortly.
      (c.get("log") ?? console).warn({ err: err.message, dbCode: (err as { code?: unknown }).code }, "database unavailable");
      c.header("retry-after", String(UNAVAILABLE_RETRY_AFTER_S));
    }
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

/** 22021: a NUL in text; 22P05: \u0000 in jsonb; 22P02: half a surrogate pair in jsonb, or text that is no uuid or number. */
const DB_INPUT_ERRORS = new Set(["22021", "22P05", "22P02"]);

function toAppError(err: Error): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large", "error.payloadTooLarge");
    // A body of a media type the route does not declare (zod-openapi's gate on a multipart or file route).
    if (err.status === 415) return new AppError("unsupported_media_type", "error.unsupportedMediaType");
    if (/json/i.test(err.message)) return new AppError("bad_json", "error.badJson");
    if (err.status === 400) return new AppError("validation", "error.badRequest");
    if (err.status === 401) return new AppError("unauthenticated", "error.unauthenticated");
    if (err.status === 404) return new AppError("not_found", "error.notFound");
  }
  // A malformed cookie or percent-encoding in the URL is the client's fault, not ours.
  if (err instanceof URIError) return new AppError("validation", "error.badRequest");
  // Text the database refuses as input is the client's fault too (the edge check, input-guard.ts, stops most of it).
  if (err instanceof pg.DatabaseError && DB_INPUT_ERRORS.has(err.code ?? "")) return new AppError("validation", "error.badRequest");
  // The database restarting, failing over or refusing connections: 503, not a 500 that looks like a bug.
  if (isDatabaseUnavailable(err)) return new AppError("unavailable", "error.unavailable");
  return null;
}
