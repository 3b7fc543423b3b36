// /api/v1 routes of reports' handling part. Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { reportPaths } from "../report-paths.ts";
import { actOnReport } from "../use-cases/handling-act.ts";
import { getOfficeReport, type OfficeReport } from "../use-cases/handling-get.ts";
import type { IncomingPhoto } from "../use-cases/photo-store.ts";
import { ActionParam, HandlingActionInput, OfficeReportOut, ReportIdParam } from "./handling.contract.ts";

const tags = ["Reports"];
const security = [{ bearerAuth: [] }];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function presentOfficeReport(v: OfficeReport, locale: "vi" | "en"): z.infer<typeof OfficeReportOut> {
  const r = v.report;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    status: r.status,
    communeCode: r.communeCode,
    villageCode: r.villageCode,
    category: v.category ? { id: v.category.id, code: v.category.code, name: locale === "en" ? v.category.nameEn : v.category.nameVi } : null,
    description: r.description,
    landmark: r.landmark,
    lat: r.lat,
    lon: r.lon,
    channel: r.channel,
    public: r.public,
    hidden: r.hiddenAt !== null,
    reporter: r.anonymous ? null : { name: r.reporterName, phone: r.reporterPhone, email: r.reporterEmail, notifySms: r.notifySms },
    rejectReason: r.rejectReason,
    statusNote: r.statusNote,
    assignee: r.assigneeUserId ? { id: r.assigneeUserId, name: v.names.get(r.assigneeUserId) ?? "" } : null,
    assignedUnit: r.assignedUnit,
    acceptedAt: iso(r.acceptedAt),
    dueAt: iso(r.dueAt),
    answeredAt: iso(r.answeredAt),
    answer: r.answer,
    confirmUntil: iso(r.confirmUntil),
    closedAt: iso(r.closedAt),
    reopenCount: r.reopenCount,
    supportCount: r.supportCount,
    createdAt: r.createdAt.toISOString(),
    actions: v.steps,
    photos: v.photos.map((p) => ({
      id: p.id,
      stage: p.stage,
      hidden: p.hiddenAt !== null,
      url: reportPaths.photo(p.id),
      originalUrl: p.originalFileId ? reportPaths.photoOriginal(p.id) : null,
    })),
    forwards: v.forwards.map((f) => ({
      id: f.id,
      agency: f.agency,
      dueDate: f.dueDate,
      note: f.note,
      sentAt: f.sentAt.toISOString(),
      returnedAt: iso(f.returnedAt),
      result: f.result,
    })),
    events: v.events.map((e) => ({
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      at: e.createdAt.toISOString(),
      actor: e.actorUserId ? (v.names.get(e.actorUserId) ?? null) : null,
      reason: e.reason,
      note: e.note,
      public: e.public,
    })),
  };
}

/** Base64 photos to bytes; a malformed one is a 400 naming `photos.<i>.contentBase64`. */
function decodePhotos(photos: Array<{ name: string; contentBase64: string }> | undefined): IncomingPhoto[] | undefined {
  return photos?.map((p, i) => {
    const b64 = p.contentBase64.replace(/\s+/g, "");
    if (!b64 || !BASE64.test(b64) || b64.length % 4 !== 0)
      throw new AppError("validation", "error.validation", [{ field: `photos.${i}.contentBase64`, code: "format", message: "validation.format" }]);
    return { name: p.name, claimedType: null, bytes: new Uint8Array(Buffer.from(b64, "base64")) };
  });
}

export function registerHandlingApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/reports/{id}",
      tags,
      security,
      summary: "One citizen report as the office sees it: the reporter's contact (an audited read), photos, forwards, timeline, the steps open to you",
      request: { params: ReportIdParam },
      responses: { 200: json(OfficeReportOut, "The report"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      const view = await getOfficeReport(deps, useCaseContext(c), c.req.valid("param").id);
      return c.json(presentOfficeReport(view, c.get("locale") === "en" ? "en" : "vi"), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/reports/{id}/actions/{action}",
      tags,
      security,
      summary:
        "A handling step: accept, reject (reason, note, duplicateCode), assign (assigneeUserId and/or assignedUnit), start, forward (agency, dueDate, note), forward-return (result), resolve (answer, photos). Send the version you saw",
      request: {
        params: ActionParam,
        body: { required: true, content: { "application/json": { schema: HandlingActionInput } } },
      },
      responses: {
        200: json(OfficeReportOut, "The report after the step"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: problems[409],
        413: problems[413],
        415: problems[415],
        429: problems[429],
      },
    }),
    async (c) => {
      const { id, action } = c.req.valid("param");
      const body = c.req.valid("json");
      const ctx = useCaseContext(c);
      await actOnReport(deps, ctx, id, action, { ...body, photos: decodePhotos(body.photos), clientIp: clientIp(c, deps.config.trustedProxies) });
      return c.json(presentOfficeReport(await getOfficeReport(deps, ctx, id), c.get("locale") === "en" ? "en" : "vi"), 200);
    },
  );
}
