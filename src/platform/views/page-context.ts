// Everything a page template needs, taken from the request once.
import type { Context } from "hono";
import type { Principal } from "../auth/authorise.ts";
import type { AppEnv } from "../http/hono-env.ts";
import type { StaticAssets } from "../http/static-assets.ts";
import type { Locale, MessageKey, Translate } from "../i18n/i18n.ts";

export type PageContext = {
  t: Translate;
  locale: Locale;
  principal: Principal | null;
  csrfToken: string;
  assets: StaticAssets;
  path: string;
  /** Where the language switch comes back to: this page with its query, or after a form post the page the form was on. */
  returnTo: string;
  flash: MessageKey | null;
};

export const FLASH_COOKIE = "xaso_flash";

export function pageContext(c: Context<AppEnv>, assets: StaticAssets, flash: MessageKey | null = null): PageContext {
  return {
    t: c.get("t"),
    locale: c.get("locale"),
    principal: c.get("principal"),
    csrfToken: c.get("csrfToken"),
    assets,
    path: c.req.path,
    returnTo: returnTo(c),
    flash,
  };
}

/**
 * A page answering a GET comes back to itself, query included (search results stay searched). A page
 * answering a form post (a form shown again with its errors) has a URL that only accepts POST: come back
 * to the page the form was on, taken from our own Referer, or else to the home page.
 */
function returnTo(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  if (c.req.method === "GET" || c.req.method === "HEAD") return `${url.pathname}${url.search}`;
  const referer = c.req.header("referer");
  if (referer && URL.canParse(referer)) {
    const from = new URL(referer);
    if (from.host === url.host) return `${from.pathname}${from.search}`;
  }
  return "/";
}
