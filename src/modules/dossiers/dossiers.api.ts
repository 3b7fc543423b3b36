// /api/v1 for dossiers: upload files, file a dossier (idempotent), read it, act on it, public status, desk queues.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import { storeFile } from "../../platform/files/file-store.ts";
import { uploadQuota } from "../../platform/files/upload-limits.ts";
import { AppError, toProblem } from "../../platform/http/app-error.ts";
import { encodeCursor } from "../../platform/http/cursor.ts";
import { fileResponse } from "../../platform/http/file-response.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, Problem, problems } from "../../platform/http/openapi-shared.ts";
import type { Translate } from "../../platform/i18n/i18n.ts";
import { clientIp } from "../../platform/http/client-ip.ts";
import { type ActionType, nationalStatusOf } from "./dossier-workflow.ts";
import {
  ActionInput,
  ActionName,
  DossierOut,
  FileUploadInput,
  OwnDossierOut,
  PublicStatus,
  QueuePage,
  QueueQuery,
  StatusLookupInput,
  StoredFileInfo,
  SubmitDossierRequest,
} from "./dossiers.contract.ts";
import * as repo from "./dossiers.repository.ts";
import { type DossierView, stepLate } from "./dossiers.model.ts";
import { pauseGroundOf } from "./pause-grounds.ts";
import { actOnDossier } from "./use-cases/act-on-dossier.ts";
import { fileDossier } from "./use-cases/file-dossier.ts";
import { lookupStatus } from "./use-cases/lookup-status.ts";
import { getDossier } from "./use-cases/get-dossier.ts";
import { getDossierFile } from "./use-cases/get-dossier-file.ts";
import { deskQueues } from "./use-cases/list-desk-queues.ts";
import { myDossiers } from "./use-cases/list-my-dossiers.ts";

const tags = ["Dossiers"];
const security = [{ bearerAuth: [] }];
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const ConflictProblem = Problem.extend({ currentVersion: z.number().int().optional() }).openapi("ConflictProblem");

export function presentDossier(v: DossierView, t: Translate): z.infer<typeof DossierOut> {
  const d = v.dossier;
  return {
    id: d.id,
    code: d.code,
    version: d.version,
    state: d.state,
    stateLabel: t(`dossiers.state.${d.state}`),
    nationalStatus: nationalStatusOf(d),
    communeCode: d.communeCode,
    procedure: { code: v.procedure.code, version: v.procedure.version, name: v.procedure.definition.name },
    channel: d.channel,
    applicant: d.applicant,
    form: d.formData,
    delivery: d.delivery,
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    newDueAt: iso(d.apologyDueAt),
    finishedAt: iso(d.finishedAt),
    returnedAt: iso(d.returnedAt),
    fee: { amount: d.feeAmount, status: d.feeStatus },
    rating: d.rating,
    register: d.registerYear !== null && d.registerNumber !== null ? { year: d.registerYear, number: d.registerNumber } : null,
    events: v.events.map((e) => ({
      action: e.action,
      label: t(`dossiers.action.${e.action}` as never),
      fromState: e.fromState,
      toState: e.toState,
      at: iso(e.at)!,
      actor: e.actorLabel,
      reason: e.reason,
      ground: pauseGroundOf(e),
    })),
    documents: v.documents.map((x) => ({
      id: x.id,
      requirementKey: x.requirementKey,
      name: x.name,
      mediaType: x.mediaType,
      sizeBytes: x.sizeBytes,
      source: x.source,
      round: x.round,
    })),
    originalsSeen: (v.originalsSeen ?? []).map((o) => ({
      requirementKey: o.requirementKey,
      name: v.procedure.definition.documents.find((x) => x.key === o.requirementKey)?.name ?? o.requirementKey,
      seenAt: iso(o.seenAt)!,
    })),
    supplements: v.supplements.map((r) => ({
      round: r.round,
      // Rows stored before reasons were asked for carry none.
      items: r.items.map((i) => ({ key: i.key, label: i.label, reason: i.note ?? null })),
      afterReceipt: r.afterReceipt,
      overrideReason: r.overrideReason ?? null,
      note: r.note,
      requestedAt: iso(r.requestedAt)!,
      answeredAt: iso(r.answeredAt),
    })),
    supplementOverrides: v.supplements.filter((r) => r.overrideReason).length,
    interagencySteps: (v.interagencySteps ?? []).map((s) => ({
      agencyName: s.agencyName,
      agencyCode: s.agencyCode,
      sentAt: iso(s.sentAt)!,
      stepDueAt: iso(s.stepDueAt)!,
      returnedAt: iso(s.returnedAt),
      result: s.result,
      note: s.note,
      late: stepLate(s, new Date()),
    })),
    actions: v.actions,
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function registerDossiersApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  const requirePrincipal = (c: Context<AppEnv>) => {
    const p = c.get("principal");
    if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
    return p;
  };

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/files",
      tags,
      security,
      summary: "Upload a file (PDF, JPEG, PNG) to attach to a dossier or an action; only you can attach it",
      request: { body: { required: true, content: { "application/json": { schema: FileUploadInput } } } },
      responses: {
        201: json(StoredFileInfo, "The stored file"),
        400: problems[400],
        401: problems[401],
        413: problems[413],
        415: problems[415],
        429: {
          ...problems[429],
          description:
            "Over the upload limit (files or megabytes) of the account (or, for a citizen, of the address) per window; Retry-After says when to try again. The file is not stored; files stored before are kept",
        },
      },
    }),
    async (c) => {
      const p = requirePrincipal(c);
      const body = c.req.valid("json");
      const b64 = body.contentBase64.replace(/\s+/g, "");
      if (!BASE64.test(b64)) throw new AppError("validation", "error.validation", [{ field: "contentBase64", code: "format", message: "validation.format" }]);
      // The type is read from the bytes and checked against the upload limit by the file store.
      const stored = await storeFile(deps.db, {
        ownerUserId: p.userId,
        communeCode: null,
        name: body.name,
        bytes: new Uint8Array(Buffer.from(b64, "base64")),
        maxBytes: deps.config.uploadMaxBytes,
        field: "contentBase64",
        quota: uploadQuota(deps.config, p, clientIp(c, deps.config.trustedProxies), deps.clock.now()),
      });
      return c.json({ id: stored.id, name: stored.name, mediaType: stored.mediaType, sizeBytes: stored.sizeBytes }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/dossiers",
      tags,
      security,
      summary: "File a dossier (or save a draft). Submitting needs an Idempotency-Key: a retry with the same key answers with the same dossier",
      request: {
        headers: z.object({
          "idempotency-key": z
            .string()
            .regex(/^[A-Za-z0-9-]{8,100}$/)
            .optional()
            .openapi({ description: "Required with intent=submit; a UUID is a good key" }),
        }),
        body: { required: true, content: { "application/json": { schema: SubmitDossierRequest } } },
      },
      responses: {
        200: { ...json(DossierOut, "Replay of an earlier submission with the same key (header Idempotent-Replayed: true)") },
        201: json(DossierOut, "Filed (or draft saved)"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: problems[409],
        413: problems[413],
        415: problems[415],
        429: {
          ...problems[429],
          description:
            "Over the filing limit of the account (or, for a citizen, of the address) per window; Retry-After says when to try again. Nothing is lost: a draft stays a draft, uploaded files stay, and a later retry with the same Idempotency-Key files it",
        },
        503: problems[503],
      },
    }),
    async (c) => {
      requirePrincipal(c);
      const body = c.req.valid("json");
      const key = c.req.valid("header")["idempotency-key"] ?? null;
      if (body.intent === "submit" && !key)
        throw new AppError("validation", "error.validation", [{ field: "Idempotency-Key", code: "required", message: "validation.required" }]);
      // The use case checks applicant and delivery itself; it gets them as sent (its schemas transform).
      const raw = (await c.req.json()) as {
        applicant?: Record<string, unknown>;
        delivery?: Record<string, unknown>;
        assistedConsent?: Record<string, unknown>;
      };
      const {
        dossier,
        replayed,
        view: filedView,
      } = await fileDossier(deps, useCaseContext(c), {
        idempotencyKey: key,
        procedureCode: body.procedureCode,
        communeCode: body.communeCode,
        applicant: raw.applicant ?? {},
        form: body.form,
        documents: body.documents.map((d) => ({ requirementKey: d.requirementKey, fileId: d.fileId, vaultItemId: d.vaultItemId })),
        originalsSeen: body.originalsSeen,
        delivery: raw.delivery ?? {},
        assistedConsent: raw.assistedConsent ?? null,
        channel: body.channel,
        intent: body.intent,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      const view = presentDossier(filedView ?? (await getDossier(deps, useCaseContext(c), dossier.id)), c.get("t"));
      if (replayed) {
        c.header("Idempotent-Replayed", "true");
        return c.json(view, 200);
      }
      return c.json(view, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me/dossiers",
      tags,
      security,
      summary: "Your dossiers and drafts, newest change first (at most 100)",
      responses: { 200: json(z.object({ items: z.array(OwnDossierOut) }).openapi("OwnDossierList"), "Your dossiers"), 401: problems[401] },
    }),
    async (c) => {
      const rows = await myDossiers(deps, useCaseContext(c));
      const t = c.get("t");
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            code: r.code,
            state: r.state,
            stateLabel: t(`dossiers.state.${r.state}`),
            procedureName: r.procedureName,
            submittedAt: iso(r.submittedAt),
            dueAt: iso(r.dueAt),
            updatedAt: iso(r.updatedAt)!,
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/dossiers/{id}",
      tags,
      security,
      summary: "One dossier with its history, documents, supplement requests and the actions open to you",
      request: { params: IdParam },
      responses: { 200: json(DossierOut, "The dossier"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => c.json(presentDossier(await getDossier(deps, useCaseContext(c), c.req.valid("param").id), c.get("t")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/dossiers/{id}/documents/{documentId}",
      tags,
      security,
      summary: "A document's bytes",
      request: { params: IdParam.extend({ documentId: z.uuid().openapi({ param: { name: "documentId", in: "path" } }) }) },
      responses: {
        200: {
          description: "The file",
          content: {
            "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
            "image/jpeg": { schema: z.string().openapi({ format: "binary" }) },
            "image/png": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
      },
    }),
    async (c) => {
      const { id, documentId } = c.req.valid("param");
      return fileResponse(c, await getDossierFile(deps, useCaseContext(c), id, documentId));
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/dossiers/{id}/actions/{action}",
      tags,
      security,
      summary: "Act on a dossier (receive, requestSupplement, answerSupplement, cancel, rate, …). Send the version you saw",
      request: {
        params: IdParam.extend({ action: ActionName.openapi({ param: { name: "action", in: "path" } }) }),
        body: { required: true, content: { "application/json": { schema: ActionInput } } },
      },
      responses: {
        200: json(DossierOut, "The dossier after the action"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: {
          description: "Changed meanwhile (or not possible in its state); `currentVersion` is the version now",
          content: { "application/problem+json": { schema: ConflictProblem } },
        },
        415: problems[415],
      },
    }),
    async (c) => {
      const { id, action } = c.req.valid("param");
      const body = c.req.valid("json");
      // Submitting goes through POST /api/v1/dossiers, which checks the dossier and gives it its code.
      if (action === "submit") throw new AppError("validation", "error.validation", [{ field: "action", code: "choice", message: "validation.invalid" }]);
      const ctx = useCaseContext(c);
      try {
        await actOnDossier(deps, ctx, id, {
          ...body,
          action: action as ActionType,
          documents: body.documents?.map((d) => ({ requirementKey: d.requirementKey, fileId: d.fileId, vaultItemId: d.vaultItemId })),
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "conflict") {
          const current = await repo.findById(deps.db, id);
          const problem = { ...toProblem(err, c.get("t"), c.req.path, c.get("requestId")), ...(current ? { currentVersion: current.version } : {}) };
          return c.json(problem, 409, { "content-type": "application/problem+json; charset=utf-8" });
        }
        throw err;
      }
      return c.json(presentDossier(await getDossier(deps, ctx, id), c.get("t")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/status",
      tags: ["Public"],
      summary: "Public status of a dossier: its code and the last 4 digits of the applicant's phone or ID number",
      request: { body: { required: true, content: { "application/json": { schema: StatusLookupInput } } } },
      responses: { 200: json(PublicStatus, "The status"), 400: problems[400], 404: problems[404], 415: problems[415], 429: problems[429] },
    }),
    async (c) => c.json(await lookupStatus(deps, c.get("t"), { ...c.req.valid("json"), client: clientIp(c, deps.config.trustedProxies) }), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/communes/{code}/queues",
      tags,
      security,
      summary: "The one-stop desk's queues: counts of each, and one queue's dossiers by deadline",
      request: {
        params: z.object({
          code: z
            .string()
            .regex(/^\d{5}$/)
            .openapi({ param: { name: "code", in: "path" }, example: "02923" }),
        }),
        query: QueueQuery,
      },
      responses: { 200: json(QueuePage, "Counts and a page of the queue"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const r = await deskQueues(deps, useCaseContext(c), c.req.valid("param").code, q.queue, { cursor: q.cursor, limit: q.limit });
      return c.json(
        {
          communeCode: r.commune.code,
          counts: r.counts,
          pausedByGround: r.pausedByGround,
          items: r.items.map((i) => ({
            id: i.id,
            code: i.code,
            state: i.state,
            applicantName: i.applicantName,
            channel: i.channel,
            procedureCode: i.procedureCode,
            procedureName: i.procedureName,
            submittedAt: iso(i.submittedAt),
            receivedAt: iso(i.receivedAt),
            dueAt: iso(i.dueAt),
            receiveBy: iso(i.receiveBy),
            assigneeId: i.assigneeId,
            assigneeName: i.assigneeName,
            version: i.version,
          })),
          nextCursor: r.next ? encodeCursor(r.next) : null,
        },
        200,
      );
    },
  );
}
