// GET /notices/:commune/feed.rss and /feed.atom: the commune's notices (?village=, ?category=) as RSS 2.0 and Atom
// 1.0 with their registered media types; bad filters are a 400 naming the field (problem+json: a feed reader is a
// program).
import type { Context } from "hono";
import { validateForm } from "../../../../platform/http/forms.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { buildNoticeFeed } from "../../use-cases/public-feed.ts";
import { PublicFeedQuery } from "../public.contract.ts";
import { publicBody } from "./shared.tsx";

export const RSS_TYPE = "application/rss+xml; charset=utf-8";
export const ATOM_TYPE = "application/atom+xml; charset=utf-8";

export function feedPage(kit: PageKit, format: "rss" | "atom") {
  return async (c: Context<AppEnv>) => {
    const parsed = validateForm(PublicFeedQuery, { category: c.req.query("category") ?? "", village: c.req.query("village") ?? "" });
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const { feed } = await buildNoticeFeed(kit.deps, c.get("t"), c.get("locale"), c.req.param("commune") as string, parsed.data, new URL(c.req.url).origin);
    return publicBody(c, null, format === "rss" ? feed.rss2() : feed.atom1(), format === "rss" ? RSS_TYPE : ATOM_TYPE);
  };
}
