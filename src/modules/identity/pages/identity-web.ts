// What the identity pages share: the dependencies, the cookie flag, the page context and the signed-in person.
import type { Context } from "hono";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { takeFlash } from "../../../platform/http/flash.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { pageContext, type PageContext } from "../../../platform/views/page-context.ts";

export type IdentityWeb = {
  deps: Deps;
  secure: boolean;
  page: (c: Context<AppEnv>) => PageContext;
};

export function identityWeb(web: WebContext): IdentityWeb {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  return { deps, secure, page: (c) => pageContext(c, web.assets, takeFlash(c, secure)) };
}

export const roleLabel = (t: PageContext["t"], r: Role) => t(`role.${r}` as MessageKey);

export function requireSignedIn(c: Context<AppEnv>): Principal {
  const p = c.get("principal");
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p;
}
