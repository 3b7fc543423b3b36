// A one-time message for the page after a redirect (POST → redirect → GET).
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { isMessageKey, type MessageKey } from "../i18n/i18n.ts";
import { FLASH_COOKIE } from "../views/page-context.ts";
import type { AppEnv } from "./hono-env.ts";

// The cookie names a catalogue key; only "flash." keys are shown, so a forged cookie cannot pick any text.
// Core flashes are "flash.*"; a module's are "<module>.flash.*" or "<module>.<part>.flash.*" (FlashKey checks the type).
export const isFlashKey = (v: string): v is MessageKey => /^(?:\w+\.)*flash\./.test(v) && isMessageKey(v);

/** The keys a flash may name, so that a key the reader would refuse does not type-check. */
export type FlashKey = Extract<MessageKey, `flash.${string}` | `${string}.flash.${string}`>;

export function setFlash(c: Context<AppEnv>, key: FlashKey, secure: boolean) {
  setCookie(c, FLASH_COOKIE, key, { path: "/", httpOnly: true, sameSite: "Lax", secure, maxAge: 60 });
}

export function takeFlash(c: Context<AppEnv>, secure: boolean): MessageKey | null {
  const v = getCookie(c, FLASH_COOKIE);
  if (!v) return null;
  setCookie(c, FLASH_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "Lax", secure });
  return isFlashKey(v) ? v : null;
}
