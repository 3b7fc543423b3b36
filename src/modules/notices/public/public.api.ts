// /api/v1 routes of notices' public part: the notices anyone may read, as JSON. Open to anyone, read-only, no
// personal data. Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { noticeApiPaths } from "../notice-paths.ts";
import { publicNoticeForApi, publicNoticesForApi } from "../use-cases/public-api.ts";
import { PublicNoticeDetail, PublicNoticeId, PublicNoticeList, PublicNoticesQuery } from "./public.contract.ts";

const TAGS = ["Notices (public)"];
const origin = (url: string) => new URL(url).origin;

export function registerPublicApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.publicNotices,
      tags: TAGS,
      summary: "A commune's public notices: in force first (emergencies on top), then earlier ones",
      description:
        "Published and withdrawn notices of the commune, its villages and its province (a draft, one in review or one still scheduled is never listed). `village` keeps the village's own notices, the commune's and the province's. 20 a page. 404 for a commune this installation does not serve; 400 for a village of another commune.",
      request: { query: PublicNoticesQuery },
      responses: { 200: json(PublicNoticeList, "One page of notices"), 400: problems[400], 404: problems[404] },
    }),
    async (c) => c.json(await publicNoticesForApi(deps, c.req.valid("query"), origin(c.req.url)), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.publicNotice,
      tags: TAGS,
      summary: "One public notice: its body, attachments, audio and correction links",
      description: "404 for an unknown id and for a notice the public may not read yet (draft, in review, scheduled).",
      request: { params: PublicNoticeId },
      responses: { 200: json(PublicNoticeDetail, "The notice"), 400: problems[400], 404: problems[404] },
    }),
    async (c) => c.json(await publicNoticeForApi(deps, c.req.valid("param").id, origin(c.req.url)), 200),
  );
}
