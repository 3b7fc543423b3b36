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
  flash: MessageKey | null;
};

export const FLASH_COOKIE = "xaso_flash";

export function pageContext(c: Context<AppEnv>, assets: StaticAssets, flash: MessageKey | null = null): PageContext {
  return { t: c.var.t, locale: c.var.locale, principal: c.var.principal, csrfToken: c.var.csrfToken, assets, path: c.req.path, flash };
}
