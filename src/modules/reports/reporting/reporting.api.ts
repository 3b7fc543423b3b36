// /api/v1 routes of reports' reporting part. Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import type { ReportRow } from "../reports.model.ts";
import { confirmReport } from "../use-cases/report-confirm.ts";
import { listMyReports, type ReporterProof } from "../use-cases/report-follow.ts";
import { reopenReport } from "../use-cases/report-reopen.ts";
import { similarReports } from "../use-cases/report-similar.ts";
import { submitReport } from "../use-cases/report-submit.ts";
import { supportReport } from "../use-cases/report-support.ts";
import type { IncomingPhoto } from "../use-cases/photo-store.ts";
import {
  CodeParam,
  ConfirmBody,
  ReopenBody,
  ReporterReport,
  SimilarQuery,
  SimilarReportOut,
  SubmitReportBody,
  SubmittedReport,
  SupportBody,
  SupportResult,
} from "./reporting.contract.ts";

const tags = ["Reports"];
const optionalAuth: Record<string, string[]>[] = [{}, { bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 404: problems[404] };
const writes = { ...reads, 403: problems[403], 409: problems[409], 413: problems[413], 415: problems[415], 429: problems[429] };
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodePhotos(photos: z.infer<typeof SubmitReportBody>["photos"]): IncomingPhoto[] {
  return (photos ?? []).map((p, i) => {
    const b64 = p.contentBase64.replace(/\s+/g, "");
    if (!BASE64.test(b64))
      throw new AppError("validation", "error.validation", [{ field: `photos.${i}.contentBase64`, code: "format", message: "validation.format" }]);
    return { name: p.name, claimedType: p.contentType ?? null, bytes: new Uint8Array(Buffer.from(b64, "base64")) };
  });
}

const presentReporterReport = (r: ReportRow & { categoryCode?: string | null }): z.infer<typeof ReporterReport> => ({
  code: r.code,
  status: r.status,
  categoryCode: r.categoryCode ?? null,
  description: r.description,
  villageCode: r.villageCode,
  landmark: r.landmark,
  createdAt: r.createdAt.toISOString(),
  dueAt: r.dueAt?.toISOString() ?? null,
  answer: r.answer,
  confirmUntil: r.confirmUntil?.toISOString() ?? null,
  satisfaction: r.satisfaction,
  reopenCount: r.reopenCount,
  supportCount: r.supportCount,
});

const proofOf = (code: string, token: string | undefined): ReporterProof => (token ? { code, token } : { code, account: true });

export function registerReportingApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/reports",
      tags,
      security: optionalAuth,
      summary: "Send a citizen report (signed in or not); photos in base64. The answer holds the code and the private link, once",
      request: { body: { required: true, content: { "application/json": { schema: SubmitReportBody } } } },
      responses: { 201: json(SubmittedReport, "The report, received"), ...writes },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { photos, ...rest } = body;
      const sent = await submitReport(deps, useCaseContext(c), {
        ...rest,
        channel: "web",
        photos: decodePhotos(photos),
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      return c.json(
        {
          code: sent.code,
          status: "received" as const,
          followUrl: sent.followUrl,
          followToken: sent.followToken,
          dueAt: sent.dueAt?.toISOString() ?? null,
          public: sent.public,
          notifySms: sent.notifySms,
        },
        201,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/reports/similar",
      tags,
      summary: "Open public reports of a category in a village, or within 300 m of a point: to support one instead of sending a duplicate",
      request: { query: SimilarQuery },
      responses: { 200: json(z.object({ items: z.array(SimilarReportOut) }), "Up to 5, nearest first"), ...reads },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const items = await similarReports(deps, { ...q, villageCode: q.villageCode ?? null, lat: q.lat ?? null, lon: q.lon ?? null });
      return c.json(
        {
          items: items.map((s) => ({
            code: s.code,
            description: s.description,
            landmark: s.landmark,
            villageCode: s.villageCode,
            status: s.status,
            supportCount: s.supportCount,
            createdAt: s.createdAt.toISOString(),
            distanceM: s.distanceM === null ? null : Math.round(s.distanceM),
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/reports/{code}/support",
      tags,
      security: optionalAuth,
      summary: "“Tôi cũng gặp”: one per account, or per browser key without one; gives no access to the reporter's data",
      request: { params: CodeParam, body: { required: true, content: { "application/json": { schema: SupportBody } } } },
      responses: { 200: json(SupportResult, "Counted (added: false when this supporter had already)"), ...writes },
    }),
    async (c) => {
      const res = await supportReport(deps, useCaseContext(c), {
        code: c.req.valid("param").code,
        browserKey: c.req.valid("json").browserKey ?? null,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      return c.json({ code: res.code, added: res.added, supportCount: res.supportCount }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/reports/{code}/confirm",
      tags,
      security: optionalAuth,
      summary: "The reporter confirms the answer fixed it (with an optional 1–5 satisfaction): the report closes",
      request: { params: CodeParam, body: { required: true, content: { "application/json": { schema: ConfirmBody } } } },
      responses: { 200: json(ReporterReport, "The report, closed"), ...writes },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const r = await confirmReport(deps, useCaseContext(c), proofOf(c.req.valid("param").code, body.token), { satisfaction: body.satisfaction });
      return c.json(presentReporterReport(r), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/reports/{code}/reopen",
      tags,
      security: optionalAuth,
      summary: "The reporter says the answer did not fix it, with a reason: the report is reopened",
      request: { params: CodeParam, body: { required: true, content: { "application/json": { schema: ReopenBody } } } },
      responses: { 200: json(ReporterReport, "The report, reopened"), ...writes },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const r = await reopenReport(deps, useCaseContext(c), proofOf(c.req.valid("param").code, body.token), { reason: body.reason });
      return c.json(presentReporterReport(r), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me/reports",
      tags,
      security: [{ bearerAuth: [] }],
      summary: "The reports the signed-in person sent, newest first",
      responses: { 200: json(z.object({ items: z.array(ReporterReport) }), "Their reports"), ...reads },
    }),
    async (c) => c.json({ items: (await listMyReports(deps, useCaseContext(c))).map(presentReporterReport) }, 200),
  );
}
