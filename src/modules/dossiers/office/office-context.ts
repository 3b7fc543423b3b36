// What every office desk page shares: the signed-in officer and the desk communes.
import type { Context } from "hono";
import type { WebContext } from "../../../platform/http/web-context.ts";
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageContext, type PageContext } from "../../../platform/views/page-context.ts";
import { takeFlash } from "../../../platform/http/flash.ts";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isCommunePath = (path: string) => path.split("/").filter(Boolean).length === 2;

export function requireSignedIn(c: Context<AppEnv>): Principal {
  const p = c.get("principal");
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  return p;
}

/** Communes where this principal may use the desk with the given permission, in the order of their grants. */
function deskCommunes(p: Principal, permission: "dossier.read" | "dossier.receive"): string[] {
  const out: string[] = [];
  for (const g of p.grants) {
    if (isCommunePath(g.unitPath) && can(p, permission, { code: g.unitCode, path: g.unitPath }) && !out.includes(g.unitCode)) out.push(g.unitCode);
  }
  return out;
}

/** The commune asked for, else the officer's first; anyone with no desk anywhere gets 404 like any stranger. */
export function pickCommune(c: Context<AppEnv>, p: Principal, permission: "dossier.read" | "dossier.receive"): { code: string; choices: string[] } {
  const choices = deskCommunes(p, permission);
  const asked = c.req.query("commune");
  const code = asked && /^\d{5}$/.test(asked) ? asked : choices[0];
  if (!code) throw new AppError("not_found", "error.notFound");
  return { code, choices };
}

/** The office pages' shared helpers, made once per app. */
export type OfficeWeb = {
  deps: Deps;
  secure: boolean;
  page: (c: Context<AppEnv>) => PageContext;
  origin: (c: Context<AppEnv>) => string;
};

export function officeWeb(web: WebContext): OfficeWeb {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const page = (c: Context<AppEnv>) => pageContext(c, web.assets, takeFlash(c, secure));
  const origin = (c: Context<AppEnv>) => deps.config.publicUrl ?? new URL(c.req.url).origin;

  return { deps, secure, page, origin };
}
