// /api/v1 routes of notices' audiences part: the reach of a draft or a saved notice, and the delivery report.
// Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { noticeApiPaths } from "../notice-paths.ts";
import { noticeDeliveries } from "../use-cases/audiences-deliveries.ts";
import { previewDraftAudience, previewNoticeAudience } from "../use-cases/audiences-preview.ts";
import { AudiencePreview, AudiencePreviewBody, DeliveriesPage, DeliveriesQuery, type DeliveryItem, NoticeIdParam } from "./audiences.contract.ts";
import type { DeliveryListRow } from "./audiences.repository.ts";

const TAGS = ["Notices"];

const presentItem = (r: DeliveryListRow): z.infer<typeof DeliveryItem> => ({
  ...r,
  status: r.status as z.infer<typeof DeliveryItem>["status"],
  dueAt: r.dueAt.toISOString(),
  failedAt: r.failedAt ? r.failedAt.toISOString() : null,
});

export function registerAudiencesApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.audiencePreview,
      tags: TAGS,
      security: [{ bearerAuth: [] }],
      summary: "How many people a draft notice would reach per channel (counts, cost estimate, the SMS daily cap), before saving it",
      request: { body: { required: true, content: { "application/json": { schema: AudiencePreviewBody } } } },
      responses: {
        200: json(AudiencePreview, "The reach per channel"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
      },
    }),
    async (c) => c.json(await previewDraftAudience(deps, useCaseContext(c), c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.audience,
      tags: TAGS,
      security: [{ bearerAuth: [] }],
      summary: "How many people a saved notice reaches per channel (counts, cost estimate, the SMS daily cap)",
      request: { params: NoticeIdParam },
      responses: {
        200: json(AudiencePreview, "The reach per channel"),
        401: problems[401],
        404: problems[404],
      },
    }),
    async (c) => c.json(await previewNoticeAudience(deps, useCaseContext(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.deliveries,
      tags: TAGS,
      security: [{ bearerAuth: [] }],
      summary:
        "A notice's delivery report (per channel and village: queued, sent, delivered, failed, skipped, cost) and a page of its deliveries of one status (failed by default; addresses only for the issuing unit's officers, audited)",
      request: { params: NoticeIdParam, query: DeliveriesQuery },
      responses: {
        200: json(DeliveriesPage, "The report and one page of deliveries"),
        400: problems[400],
        401: problems[401],
        404: problems[404],
      },
    }),
    async (c) => {
      const v = await noticeDeliveries(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("query"));
      return c.json(
        { report: v.report, status: v.query.status, items: v.items.map(presentItem), total: v.total, page: v.query.page, pageSize: v.pageSize },
        200,
      );
    },
  );
}
