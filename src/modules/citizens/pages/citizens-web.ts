// What the citizen pages share: the page context, the signed-in person, and refusals shown beside their field.
import type { Context } from "hono";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { takeFlash } from "../../../platform/http/flash.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { type PageContext, pageContext } from "../../../platform/views/page-context.ts";

export type CitizensWeb = { deps: Deps; secure: boolean; page: (c: Context<AppEnv>) => PageContext };

export function citizensWeb(web: WebContext): CitizensWeb {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  return { deps, secure, page: (c) => pageContext(c, web.assets, takeFlash(c, secure)) };
}

export function requireSignedIn(c: Context<AppEnv>): Principal {
  const p = c.get("principal");
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p;
}

/** Expected refusals (wrong code, too many tries) go back to the form beside their field, with their own status. */
export async function attemptWithStatus<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; errors: FieldError[]; status: 400 | 409 | 429 }> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof AppError && err.fields.length > 0 && (err.status === 400 || err.status === 409 || err.status === 429))
      return { ok: false, errors: err.fields, status: err.status };
    throw err;
  }
}
