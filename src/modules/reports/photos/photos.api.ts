// /api/v1 routes of reports' photos part: moderation (hide or show again a report or one photo, with a reason).
// Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { moderatePhoto } from "../use-cases/moderation-photo.ts";
import { moderateReport } from "../use-cases/moderation-report.ts";
import { HideInput, PhotoModeration, ReportIdParam, ReportModeration, UnhideInput } from "./photos.contract.ts";

const security = [{ bearerAuth: [] }];
const tags = ["Reports: moderation"];
const writes = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404], 415: problems[415] };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function registerPhotosApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  for (const hide of [true, false]) {
    api.openapi(
      createRoute({
        method: "post",
        path: `/api/v1/reports/{id}/${hide ? "hide" : "unhide"}`,
        tags,
        security,
        summary: hide
          ? "Hide a report from the public page, with a reason (report.moderate; audited; the commune still handles it)"
          : "Show a hidden report on the public page again (report.moderate; audited)",
        request: { params: ReportIdParam, body: { required: true, content: { "application/json": { schema: hide ? HideInput : UnhideInput } } } },
        responses: { 200: json(ReportModeration, "The report's moderation state"), ...writes },
      }),
      async (c) => {
        const { report, changed } = await moderateReport(deps, useCaseContext(c), {
          reportId: c.req.valid("param").id,
          hide,
          reason: c.req.valid("json").reason,
        });
        return c.json(
          { id: report.id, code: report.code, hidden: report.hiddenAt !== null, hiddenAt: iso(report.hiddenAt), hiddenReason: report.hiddenReason, changed },
          200,
        );
      },
    );
    api.openapi(
      createRoute({
        method: "post",
        path: `/api/v1/report-photos/{id}/${hide ? "hide" : "unhide"}`,
        tags,
        security,
        summary: hide
          ? "Hide one photo of a report or of its answer from the public, with a reason (faces, personal data; report.moderate; audited)"
          : "Show a hidden photo again (report.moderate; audited)",
        request: { params: ReportIdParam, body: { required: true, content: { "application/json": { schema: hide ? HideInput : UnhideInput } } } },
        responses: { 200: json(PhotoModeration, "The photo's moderation state"), ...writes },
      }),
      async (c) => {
        const { photo, changed } = await moderatePhoto(deps, useCaseContext(c), { photoId: c.req.valid("param").id, hide, reason: c.req.valid("json").reason });
        return c.json(
          {
            id: photo.id,
            reportId: photo.reportId,
            stage: photo.stage,
            hidden: photo.hiddenAt !== null,
            hiddenAt: iso(photo.hiddenAt),
            hiddenReason: photo.hiddenReason,
            changed,
          },
          200,
        );
      },
    );
  }
}
