// Starting a browser session: the cookie side of signing in, shared by every sign-in page (password, SSO, phone code).
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import type { Deps } from "../../deps.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { clientIp } from "../../platform/http/client-ip.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { sessionCookieName } from "../../platform/http/middleware.ts";
import { endSession } from "./use-cases/end-session.ts";
import { startSession } from "./use-cases/start-session.ts";

/** Returns the new session's token (CSRF tokens for the rest of this answer are bound to it). */
export async function startBrowserSession(c: Context<AppEnv>, deps: Deps, userId: string, method: string): Promise<string> {
  const secure = deps.config.cookieSecure;
  // Signing in again (as anyone) ends the session this browser had: one browser, one session.
  const previous = c.get("sessionToken");
  if (previous) await endSession(deps, ctxOf(c), previous);
  const token = await startSession(deps, ctxOf(c), userId, {
    ip: clientIp(c, deps.config.trustedProxies),
    userAgent: c.req.header("user-agent") ?? null,
    method,
  });
  setCookie(c, sessionCookieName(secure), token, { path: "/", httpOnly: true, sameSite: "Lax", secure, maxAge: deps.config.sessionTtlHours * 3600 });
  return token;
}
