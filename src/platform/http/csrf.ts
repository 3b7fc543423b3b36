// Signed double-submit CSRF tokens bound to the session: a random cookie (the seed), and in every form the HMAC,
// under the server secret, of the seed and the session token. A token taken from one session (the forger's own,
// or the anonymous pages before sign-in) is refused in another, and signing in changes it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";

export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** __Host- over HTTPS: the cookie is then bound to this exact origin, so a sibling subdomain cannot plant a seed. */
export const csrfCookieName = (secure: boolean) => (secure ? "__Host-xaso_csrf" : "xaso_csrf");

const SEED = /^[A-Za-z0-9_-]{10,64}$/;

export const newCsrfSeed = () => randomBytes(18).toString("base64url");

/** `session` is the session cookie's token, or null for a visitor who is not signed in. */
export function csrfTokenFor(seed: string, secret: string, session: string | null): string {
  return createHmac("sha256", secret)
    .update(`csrf\0${seed}\0${session ?? ""}`)
    .digest("base64url");
}

export function csrfValid(seed: string | undefined, token: unknown, secret: string, session: string | null): boolean {
  if (!seed || typeof token !== "string" || !SEED.test(seed)) return false;
  const expected = Buffer.from(csrfTokenFor(seed, secret, session));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The seed this browser holds, if well-formed. */
export function csrfSeed(c: Context, secure: boolean): string | undefined {
  const seed = getCookie(c, csrfCookieName(secure));
  return seed && SEED.test(seed) ? seed : undefined;
}

/** The browser's seed, or a new one set in its cookie now. */
export function ensureCsrfSeed(c: Context, secure: boolean): { seed: string; minted: boolean } {
  const seed = csrfSeed(c, secure);
  if (seed) return { seed, minted: false };
  const fresh = newCsrfSeed();
  setCookie(c, csrfCookieName(secure), fresh, { path: "/", httpOnly: true, sameSite: "Lax", secure });
  return { seed: fresh, minted: true };
}
