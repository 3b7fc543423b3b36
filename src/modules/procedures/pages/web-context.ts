// What the catalogue's pages share, made once per app.
import type { Context } from "hono";
import type { WebContext } from "../../../platform/http/web-context.ts";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageContext, type PageContext } from "../../../platform/views/page-context.ts";
import { takeFlash } from "../../../platform/http/flash.ts";

export type ProcedureWeb = { deps: Deps; secure: boolean; page: (c: Context<AppEnv>) => PageContext };

export function procedureWeb(web: WebContext): ProcedureWeb {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));
  return { deps, secure, page };
}
