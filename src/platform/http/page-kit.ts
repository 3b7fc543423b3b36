// What every module's pages share: the dependencies, the cookie flag, the page context (with the flash message)
// and the signed-in person. Modules extend it with their own helpers instead of rebuilding it.
import type { Context } from "hono";
import type { Deps } from "../../deps.ts";
import type { Principal } from "../auth/authorise.ts";
import { pageContext, type PageContext } from "../views/page-context.ts";
import { AppError } from "./app-error.ts";
import { takeFlash } from "./flash.ts";
import type { AppEnv } from "./hono-env.ts";
import type { WebContext } from "./web-context.ts";

export type PageKit = { deps: Deps; secure: boolean; page: (c: Context<AppEnv>) => PageContext };

export function pageKit(web: WebContext): PageKit {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  return { deps, secure, page: (c) => pageContext(c, web.assets, takeFlash(c, secure)) };
}

/** The signed-in person, or 401 (the error page offers the sign-in). */
export function requireSignedIn(c: Context<AppEnv>): Principal {
  const p = c.get("principal");
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p;
}
