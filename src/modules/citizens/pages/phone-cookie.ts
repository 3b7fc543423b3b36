// Between "send code" and "enter code" the number travels in a signed cookie, not in the URL (and so not in logs).
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { safeNext } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { Deps } from "../../../deps.ts";
import { PHONE_CODE } from "../use-cases/request-phone-code.ts";

const PHONE_COOKIE = "xaso_phone";
export const PHONE_PATH = "/sign-in/phone";
export const DEFAULT_NEXT = "/me/profile";

type Config = Pick<Deps["config"], "sessionSecret" | "cookieSecure">;

export async function readPhoneCookie(c: Context<AppEnv>, config: Config): Promise<{ phone: string; next: string } | null> {
  const raw = await getSignedCookie(c, config.sessionSecret, PHONE_COOKIE);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { p?: unknown; n?: unknown };
    return typeof v.p === "string" && /^0\d{9}$/.test(v.p) ? { phone: v.p, next: safeNext(v.n, DEFAULT_NEXT) } : null;
  } catch {
    return null;
  }
}

export async function writePhoneCookie(c: Context<AppEnv>, config: Config, phone: string, next: string): Promise<void> {
  await setSignedCookie(c, PHONE_COOKIE, JSON.stringify({ p: phone, n: next }), config.sessionSecret, {
    path: PHONE_PATH,
    httpOnly: true,
    sameSite: "Lax",
    secure: config.cookieSecure,
    maxAge: PHONE_CODE.ttlMinutes * 60 * 2,
  });
}

export function clearPhoneCookie(c: Context<AppEnv>, config: Config): void {
  deleteCookie(c, PHONE_COOKIE, { path: PHONE_PATH, secure: config.cookieSecure });
}
