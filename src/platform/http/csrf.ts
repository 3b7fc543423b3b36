// Signed double-submit CSRF tokens: a random cookie, and in every form its HMAC under the server secret.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CSRF_COOKIE = "xaso_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

export const newCsrfSeed = () => randomBytes(18).toString("base64url");

export function csrfTokenFor(seed: string, secret: string): string {
  return createHmac("sha256", secret).update(`csrf:${seed}`).digest("base64url");
}

export function csrfValid(seed: string | undefined, token: unknown, secret: string): boolean {
  if (!seed || typeof token !== "string" || !/^[A-Za-z0-9_-]{10,64}$/.test(seed)) return false;
  const expected = Buffer.from(csrfTokenFor(seed, secret));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
