// One check at the edge for text PostgreSQL cannot store: a NUL character (refused in text and jsonb) and half a
// UTF-16 surrogate pair (not Unicode: jsonb refuses its escape, text would silently turn it into U+FFFD), and
// %-escapes that are not UTF-8. Every request's path, query, form fields, file names and JSON strings and keys
// are checked before any handler, so no handler has to remember it and none answers such input with a 500.
import type { MiddlewareHandler } from "hono";
import { AppError, type FieldError } from "./app-error.ts";
import type { AppEnv } from "./hono-env.ts";

// A NUL, or a surrogate that is not part of a pair (the regex works on UTF-16 code units: no "u" flag).
const BAD_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BAD_TEXT_ALL = new RegExp(BAD_TEXT.source, "g");
// In JSON text the only ways to write either are the escapes \u0000 and \uD800–\uDFFF (raw control characters are
// not JSON, and a body decoded from UTF-8 holds no lone surrogate): a cheap scan decides whether to walk the value.
const JSON_SUSPECT = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;
// A "%" not followed by two hex digits is kept literally (as the router and URLSearchParams do), not refused.
const STRAY_PERCENT = /%(?![0-9A-Fa-f]{2})/g;
const MAX_FIELDS = 20;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export const hasBadText = (s: string): boolean => BAD_TEXT.test(s);

/** Decodes a URL or form component; null when its %-escapes are not UTF-8 (%C0, %FF, %ED%A0%80, …) or it holds a NUL. */
export function decodeComponent(raw: string, plusIsSpace: boolean): string | null {
  const s = plusIsSpace && raw.includes("+") ? raw.replace(/\+/g, " ") : raw;
  if (!s.includes("%")) return hasBadText(s) ? null : s;
  try {
    const decoded = decodeURIComponent(s.replace(STRAY_PERCENT, "%25"));
    return hasBadText(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

/** A field name safe to show in a message: bad characters become U+FFFD, bad escapes stay as written. */
function shown(name: string): string {
  const s = name.length > 100 ? `${name.slice(0, 100)}…` : name;
  return s.replace(BAD_TEXT_ALL, "\uFFFD");
}

function nameOfComponent(raw: string): string {
  return shown(decodeComponent(raw, true) ?? raw);
}

/** The names of the bad fields of a query string or url-encoded body ("a=1&b=2"). */
export function badPairs(encoded: string): string[] {
  const bad: string[] = [];
  for (const pair of encoded.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? "" : pair.slice(eq + 1);
    if (decodeComponent(key, true) === null || decodeComponent(value, true) === null) bad.push(nameOfComponent(key));
  }
  return bad;
}

/** The paths of the bad strings and keys in a JSON value, named as the API names fields ("applicant.fullName"). */
export function badJsonPaths(value: unknown): string[] {
  const out: string[] = [];
  // A stack rather than recursion: a deeply nested body must not overflow the call stack.
  const stack: [unknown, string][] = [[value, ""]];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0 && out.length < MAX_FIELDS) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (hasBadText(v)) out.push(path || "body");
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v !== null && typeof v === "object") {
      for (const [k, child] of Object.entries(v).reverse()) {
        if (hasBadText(k)) out.push(join(path, shown(k)));
        else stack.push([child, join(path, k)]);
      }
    }
  }
  return out;
}

/** The bad fields of a request body, read through Hono's cached readers so the handler can read it again. */
async function badBodyFields(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<string[]> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (/^application\/(.+\+)?json\b/.test(type)) {
    // The payment webhook checks its signature over this same text (c.req.text() is cached).
    const text = await c.req.text();
    if (!JSON_SUSPECT.test(text)) return [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return []; // Not JSON: the route's own parser answers that.
    }
    return badJsonPaths(value);
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    let text: string;
    try {
      text = strictUtf8.decode(await c.req.arrayBuffer());
    } catch {
      return ["body"];
    }
    return badPairs(text);
  }
  if (type.startsWith("multipart/form-data")) {
    let form: Record<string, unknown>;
    try {
      // The same cached parse as the CSRF check and the handlers; a file's bytes are never read as text.
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError("validation", "error.badRequest");
    }
    const bad: string[] = [];
    for (const [key, entry] of Object.entries(form)) {
      for (const v of Array.isArray(entry) ? entry : [entry]) {
        const text = v instanceof File ? v.name : typeof v === "string" ? v : "";
        if (hasBadText(key) || hasBadText(text)) {
          bad.push(shown(key));
          break;
        }
      }
    }
    return bad;
  }
  return [];
}

const HAS_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Answers 400, naming each field, when the path, query or body holds text the database cannot take. */
export function inputGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    const bad: string[] = [];
    // The URL is ASCII once parsed (other characters arrive %-escaped): without a "%" there is nothing to decode.
    if (url.includes("%")) {
      const q = url.indexOf("?");
      const path = url.slice(url.indexOf("/", url.indexOf("//") + 2), q === -1 ? undefined : q);
      if (path.includes("%") && decodeComponent(path, false) === null) bad.push("path");
      if (q !== -1) bad.push(...badPairs(url.slice(q + 1)));
    }
    if (HAS_BODY.has(c.req.method)) bad.push(...(await badBodyFields(c)));
    if (bad.length > 0) {
      const fields: FieldError[] = [...new Set(bad)].slice(0, MAX_FIELDS).map((field) => ({ field, code: "bad_text", message: "validation.badText" }));
      throw new AppError("validation", "error.validation", fields);
    }
    await next();
  };
}
