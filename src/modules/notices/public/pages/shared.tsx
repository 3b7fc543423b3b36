// Pieces the public notice pages share: the stylesheet, the category tag, days as residents write them, the names in
// the page's language, and the cache rule of an anonymous public answer.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { addVary } from "../../../../platform/http/middleware.ts";
import type { StaticAssets } from "../../../../platform/http/static-assets.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import type { PageContext } from "../../../../platform/views/page-context.ts";
import { Tag } from "../../../../platform/views/components.tsx";
import { dayInputValue } from "../../../../platform/text/day-input.ts";
import type { NoticeCategory } from "../../notices.model.ts";

export function NoticesCss(props: { assets: StaticAssets }) {
  return <link rel="stylesheet" href={props.assets.url("notices.css")} />;
}

export function CategoryTag(props: { t: Translate; category: NoticeCategory }) {
  return (
    <Tag tone={props.category === "emergency" ? "red" : "grey"}>
      {props.category === "emergency" ? props.t("notices.public.emergency") : props.t(`notices.public.category.${props.category}`)}
    </Tag>
  );
}

/** 2026-12-01 → 01/12/2026, as residents write days. */
export const dayText = (day: string): string => dayInputValue(day);

export function validityText(t: Translate, from: string, until: string | null): string {
  return until ? t("notices.public.validRange", { from: dayText(from), to: dayText(until) }) : t("notices.public.validFrom", { from: dayText(from) });
}

export { localName } from "../../../../platform/views/commune-picker.tsx";

/** Anonymous visitors share one copy: browsers and proxies may keep it a minute, then revalidate with the ETag. */
export const PUBLIC_NOTICE_CACHE = "public, max-age=60";

/**
 * Answers a public text body (a page, a feed). Anonymous, without a flash message: cacheable with an ETag (304 when the
 * copy is the same). A signed-in visitor's page names them: the app's "private, no-store" stays.
 */
export function publicBody(c: Context<AppEnv>, ctx: Pick<PageContext, "flash"> | null, body: string, type: string, status = 200): Response {
  const shared = status === 200 && !c.get("principal") && !ctx?.flash;
  if (!shared) return c.body(body, status as 200, { "content-type": type });
  const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
  const headers = { "content-type": type, "cache-control": PUBLIC_NOTICE_CACHE, etag };
  // The language cookie chooses the text.
  addVary(c, "Cookie");
  const match = c.req.header("if-none-match");
  if (match?.split(",").some((v) => v.trim().replace(/^W\//, "") === etag)) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}

export const HTML = "text/html; charset=UTF-8";
