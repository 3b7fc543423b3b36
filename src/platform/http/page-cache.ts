// Anonymous pages that change rarely (the home page, the public procedure list) are rendered once per language and
// URL and kept for a short time by the app instance, with an ETag so that browsers revalidate for a 304.
// Only a visitor without a session cookie, a bearer token or a flash message is served from it, and a page is kept
// only when it carries no CSRF token, so a kept page holds nobody's data.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { CSRF_FIELD } from "./csrf.ts";
import type { AppEnv } from "./hono-env.ts";
import { addVary } from "./middleware.ts";

export type PageCacheOptions = {
  /** Exact paths (any query) whose anonymous GET answers may be kept. */
  paths: readonly string[];
  /** Paths matching one of these (whole path) may be kept too: pages with a code in their path. */
  patterns?: readonly RegExp[];
  /** A visitor carrying any of these cookies gets a freshly rendered page (the session, a flash message). */
  personalCookies: readonly string[];
  /** How long a kept page is served before it is rendered again: writes from other processes show after this. */
  ttlMs: number;
  /** At most this many pages (language × URL, so search queries too); the oldest goes first. */
  maxEntries: number;
  now?: () => number;
};

type Entry = { body: string; etag: string; gzip: Uint8Array | null; expires: number };

const HEADERS = { "content-type": "text/html; charset=UTF-8", "cache-control": "no-cache" };

export type PageCache = { middleware: MiddlewareHandler<AppEnv>; size(): number; clear(): void };

export function createPageCache(opts: PageCacheOptions): PageCache {
  const entries = new Map<string, Entry>();
  const paths = new Set(opts.paths);
  const now = opts.now ?? Date.now;
  // Bumped by every write this process answers: a page rendered while a write ran is not kept.
  let generation = 0;

  const anonymous = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => {
    if (c.req.header("authorization") !== undefined) return false;
    if (c.req.header("cookie") === undefined) return true;
    const cookies = getCookie(c);
    return !opts.personalCookies.some((name) => cookies[name] !== undefined);
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const method = c.req.method;
    if (method !== "GET") {
      await next();
      // Any write answered here may change a kept page (a procedure published, a unit renamed).
      if (method !== "HEAD" && method !== "OPTIONS") {
        generation++;
        entries.clear();
      }
      return;
    }
    const path = c.req.path;
    if (!(paths.has(path) || opts.patterns?.some((p) => p.test(path))) || !anonymous(c)) return next();

    const url = c.req.url;
    const key = `${c.get("locale")} ${url.slice(url.indexOf("/", url.indexOf("//") + 2))}`;
    const hit = entries.get(key);
    if (hit && hit.expires > now()) return answer(c, hit);

    const started = generation;
    await next();
    const res = c.res;
    if (res.status !== 200 || !(res.headers.get("content-type") ?? "").startsWith("text/html")) return;
    const body = await res.clone().text();
    const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
    for (const [name, value] of Object.entries(HEADERS)) res.headers.set(name, value);
    res.headers.set("etag", etag);
    // Pages are Vietnamese unless the language cookie says otherwise: Accept-Language changes nothing.
    addVary(c, "Cookie");
    if (body.includes(`name="${CSRF_FIELD}"`) || started !== generation) return;
    if (entries.size >= opts.maxEntries) entries.delete(entries.keys().next().value as string);
    entries.delete(key);
    entries.set(key, { body, etag, gzip: null, expires: now() + opts.ttlMs });
  };

  return { middleware, size: () => entries.size, clear: () => entries.clear() };
}

function answer(c: Parameters<MiddlewareHandler<AppEnv>>[0], entry: Entry): Response {
  const headers: Record<string, string> = { ...HEADERS, etag: entry.etag, vary: "Cookie, Accept-Encoding" };
  const given = c.req.header("if-none-match");
  if (given?.split(/\s*,\s*/).some((tag) => tag === entry.etag || tag === `W/${entry.etag}` || tag === "*")) {
    return c.body(null, 304, headers);
  }
  if (/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
    entry.gzip ??= gzipSync(entry.body);
    return c.body(entry.gzip as Uint8Array<ArrayBuffer>, 200, { ...headers, "content-encoding": "gzip" });
  }
  return c.body(entry.body, 200, headers);
}
