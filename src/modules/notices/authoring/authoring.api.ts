// /api/v1 routes of notices' authoring part. Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { countSmsSegments } from "../../notifications/index.ts";
import type { NoticeRow } from "../notices.model.ts";
import { noticeApiPaths } from "../notice-paths.ts";
import { createNotice } from "../use-cases/authoring-create.ts";
import { getOfficeNotice, type OfficeNotice } from "../use-cases/authoring-get.ts";
import { listOfficeNotices } from "../use-cases/authoring-list.ts";
import { approveNotice } from "../use-cases/authoring-approve.ts";
import { publishEmergencyNotice } from "../use-cases/authoring-publish.ts";
import { sendBackNotice } from "../use-cases/authoring-send-back.ts";
import { submitNotice } from "../use-cases/authoring-submit.ts";
import { updateNotice } from "../use-cases/authoring-update.ts";
import { withdrawNotice } from "../use-cases/authoring-withdraw.ts";
import {
  ApproveBody,
  NoticeCreate,
  NoticeIdParam,
  NoticeListPage,
  NoticeListQuery,
  NoticeOut,
  NoticeUpdate,
  SendBackBody,
  VersionBody,
  WithdrawBody,
} from "./authoring.contract.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentNotice = (
  n: NoticeRow,
  more: Partial<Pick<OfficeNotice, "attachments" | "actions" | "correctedById">> = {},
): z.infer<typeof NoticeOut> => ({
  id: n.id,
  unitCode: n.unitCode,
  category: n.category,
  title: n.title,
  body: n.body,
  scope: n.scope,
  villageCodes: n.villageCodes,
  validFrom: n.validFrom,
  validUntil: n.validUntil,
  channels: n.channels,
  audience: n.audience,
  smsText: n.smsText,
  smsEdited: n.smsEdited,
  smsSegments: n.smsText ? countSmsSegments(n.smsText).segments : 0,
  speechText: n.speechText,
  speechEdited: n.speechEdited,
  status: n.status,
  reviewSkipped: n.reviewSkipped,
  reviewNote: n.reviewNote,
  scheduledAt: iso(n.scheduledAt),
  publishedAt: iso(n.publishedAt),
  withdrawnAt: iso(n.withdrawnAt),
  withdrawalReason: n.withdrawalReason,
  correctsId: n.correctsId,
  correctedById: more.correctedById ?? null,
  authorId: n.authorId,
  approvedBy: n.approvedBy,
  version: n.version,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
  attachments: more.attachments ?? [],
  ...(more.actions ? { actions: more.actions } : {}),
});

const errors = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404], 409: problems[409] };
const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const step = (path: string, summary: string, body: z.ZodType) =>
  createRoute({
    method: "post",
    path,
    tags: ["Notices"],
    security: [{ bearerAuth: [] }],
    summary,
    request: { params: NoticeIdParam, ...jsonBody(body) },
    responses: { 200: json(NoticeOut, "The notice after the step"), ...errors },
  });

export function registerAuthoringApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.notices,
      tags: ["Notices"],
      security: [{ bearerAuth: [] }],
      summary: "The notices you may see in the office (your units, and your province's): by tab, with each tab's count, 50 a page",
      request: { query: NoticeListQuery },
      responses: { 200: json(NoticeListPage, "The page of notices"), 400: problems[400], 401: problems[401], 403: problems[403] },
    }),
    async (c) => {
      const list = await listOfficeNotices(deps, useCaseContext(c), c.req.valid("query"));
      return c.json(
        {
          items: list.items.map((n) => ({
            id: n.id,
            unitCode: n.unitCode,
            category: n.category,
            title: n.title,
            status: n.status,
            scope: n.scope,
            channels: n.channels,
            reviewSkipped: n.reviewSkipped,
            scheduledAt: iso(n.scheduledAt),
            publishedAt: iso(n.publishedAt),
            updatedAt: n.updatedAt.toISOString(),
          })),
          total: list.total,
          page: list.page,
          pageSize: list.pageSize,
          counts: list.counts,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: noticeApiPaths.notices,
      tags: ["Notices"],
      security: [{ bearerAuth: [] }],
      summary:
        "Write a notice (a draft). The SMS text (no diacritics, ≤ 2 GSM-7 parts, links and numbers never cut) and the loudspeaker script are derived unless given; 400 naming smsText when it cannot fit",
      request: jsonBody(NoticeCreate),
      responses: { 201: json(NoticeOut, "The draft"), 400: problems[400], 401: problems[401], 403: problems[403] },
    }),
    async (c) => {
      const n = await createNotice(deps, useCaseContext(c), c.req.valid("json"));
      return c.json(presentNotice(n), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: noticeApiPaths.notice,
      tags: ["Notices"],
      security: [{ bearerAuth: [] }],
      summary: "A notice with its attachments and the steps you may take now",
      request: { params: NoticeIdParam },
      responses: { 200: json(NoticeOut, "The notice"), 401: problems[401], 404: problems[404] },
    }),
    async (c) => {
      const o = await getOfficeNotice(deps, useCaseContext(c), c.req.valid("param").id);
      return c.json(presentNotice(o.notice, o), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: noticeApiPaths.notice,
      tags: ["Notices"],
      security: [{ bearerAuth: [] }],
      summary: "Edit a draft (every field; smsText/speechText absent keep your own earlier text, null returns to the derived one)",
      request: { params: NoticeIdParam, ...jsonBody(NoticeUpdate) },
      responses: { 200: json(NoticeOut, "The draft"), ...errors },
    }),
    async (c) => {
      const n = await updateNotice(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentNotice(n), 200);
    },
  );

  api.openapi(step(`${noticeApiPaths.notice}/submit`, "Send a draft for review", VersionBody), async (c) => {
    const n = await submitNotice(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(presentNotice(n), 200);
  });
  api.openapi(
    step(`${noticeApiPaths.notice}/approve`, "Approve a notice in review (not your own): published now, or scheduled for scheduledAt", ApproveBody),
    async (c) => {
      const n = await approveNotice(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentNotice(n), 200);
    },
  );
  api.openapi(step(`${noticeApiPaths.notice}/send-back`, "Send a notice in review back to its author with a note", SendBackBody), async (c) => {
    const n = await sendBackNotice(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(presentNotice(n), 200);
  });
  api.openapi(
    step(
      `${noticeApiPaths.notice}/publish`,
      "Publish an emergency notice at once without review (flagged in the audit as notice.publishedWithoutReview)",
      VersionBody,
    ),
    async (c) => {
      const n = await publishEmergencyNotice(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentNotice(n), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: `${noticeApiPaths.notice}/withdraw`,
      tags: ["Notices"],
      security: [{ bearerAuth: [] }],
      summary: "Withdraw a scheduled or published notice; a published one gets a correction notice published at once to the same people on the same channels",
      request: { params: NoticeIdParam, ...jsonBody(WithdrawBody) },
      responses: {
        200: json(z.object({ notice: NoticeOut, correction: NoticeOut.nullable() }).openapi("NoticeWithdrawn"), "The withdrawn notice and its correction"),
        ...errors,
      },
    }),
    async (c) => {
      const r = await withdrawNotice(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ notice: presentNotice(r.notice), correction: r.correction ? presentNotice(r.correction) : null }, 200);
    },
  );
}
