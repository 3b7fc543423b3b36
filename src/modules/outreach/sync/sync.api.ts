// /api/v1 routes of outreach: the field snapshot, photos and sync (docs/community/field-sync.md), a household's visits.
// Handlers are thin; use cases live under use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { AppError, fieldErrorsFromZod } from "../../../platform/http/app-error.ts";
import { csrfTokenFor, ensureCsrfSeed } from "../../../platform/http/csrf.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { applySyncBatch } from "../use-cases/sync-apply-batch.ts";
import { fieldSnapshot } from "../use-cases/sync-snapshot.ts";
import { storeFieldPhoto } from "../use-cases/sync-store-photo.ts";
import { householdVisits } from "../use-cases/visit-list.ts";
import { displayNames } from "../../identity/index.ts";
import { PhotoOut, Snapshot, SyncRequest, SyncResponse, VisitOut } from "./sync.contract.ts";

const tags = ["Field sync"];
const security = [{ bearerAuth: [] }];
const errors = { 400: problems[400], 401: problems[401], 403: problems[403] };

/** A zod path as the protocol names fields: items[3].visit.visitedOn. */
export const protocolField = (field: string) => field.replace(/\.(\d+)(?=\.|$)/g, "[$1]");

export function registerSyncApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/field/snapshot",
      tags,
      security,
      summary: "What the field app caches: your assigned households and their members (no ID numbers), villages, the skill checklist and a CSRF token",
      responses: { 200: json(Snapshot, "The snapshot"), ...errors },
    }),
    async (c) => {
      const snapshot = await fieldSnapshot(deps, useCaseContext(c), c.get("locale") === "en" ? "en" : "vi");
      const { seed } = ensureCsrfSeed(c, deps.config.cookieSecure);
      const csrfToken = csrfTokenFor(seed, deps.config.sessionSecret, c.get("sessionToken") ?? null);
      return c.json({ csrfToken, ...snapshot }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/field/photos",
      tags,
      security,
      summary: "Upload a photo (a signed consent sheet, a problem) under an id made on the device; a re-upload of the same id answers the same record",
      request: {
        body: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: z.object({ id: z.uuid(), file: z.any().openapi({ type: "string", format: "binary", description: "JPEG or PNG, at most 5 MB" }) }),
            },
          },
        },
      },
      responses: {
        200: json(PhotoOut, "Already stored under this id"),
        201: json(PhotoOut, "Stored"),
        ...errors,
        409: problems[409],
        413: problems[413],
        415: problems[415],
        429: problems[429],
      },
    }),
    async (c) => {
      if (!(c.req.header("content-type") ?? "").startsWith("multipart/form-data")) throw new AppError("unsupported_media_type", "error.unsupportedMediaType");
      const form = await c.req.parseBody();
      const id = typeof form.id === "string" ? form.id : "";
      if (!isUuid(id))
        throw new AppError("validation", "error.validation", [
          { field: "id", code: id ? "format" : "required", message: id ? "validation.format" : "validation.required" },
        ]);
      const file = form.file instanceof File ? form.file : null;
      const ctx = useCaseContext(c);
      const ip = clientIp(c, deps.config.trustedProxies);
      const r = await storeFieldPhoto(deps, ctx, {
        id,
        name: file?.name ?? "",
        bytes: file ? new Uint8Array(await file.arrayBuffer()) : null,
        quota: (p) => uploadQuota(deps.config, p, ip, deps.clock.now()),
      });
      return c.json({ id: r.id }, r.created ? 201 : 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/field/sync",
      tags,
      security,
      summary: "Send the device's queue: each item applied once (by itemId), in order; conflicts kept for a team leader; one result per item",
      request: { body: { required: true, content: { "application/json": { schema: SyncRequest } } } },
      responses: {
        200: json(SyncResponse, "One result per item, in order, and the households the applied items touched"),
        ...errors,
        409: problems[409],
        413: problems[413],
      },
    }),
    async (c) => {
      const t = c.get("t");
      const out = await applySyncBatch(deps, useCaseContext(c), c.req.valid("json"));
      return c.json(
        {
          batchId: out.batchId,
          results: out.results.map(({ householdId: _h, error, ...r }) => ({
            ...r,
            ...(error ? { error: { field: error.field, message: t(error.message as MessageKey, { field: error.field, ...error.params }) } } : {}),
          })),
          households: out.households.map(({ communeCode: _c, ...h }) => h),
        },
        200,
      );
    },
    // Named as the protocol names fields (items[3].visit.visitedOn); nothing is applied. (The hook's type wants a
    // response; throwing is how every route of the app answers bad input.)
    ((result: { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] } }) => {
      if (!result.success)
        throw new AppError(
          "validation",
          "error.validation",
          fieldErrorsFromZod(result.error.issues).map((f) => ({ ...f, field: protocolField(f.field) })),
        );
    }) as never,
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/households/{id}/visits",
      tags: ["Visits"],
      security,
      summary: "A household's visits, newest first (a household you may not see: 404)",
      request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
      responses: { 200: json(z.object({ items: z.array(VisitOut) }).openapi("VisitList"), "The visits"), ...errors, 404: problems[404] },
    }),
    async (c) => {
      const rows = await householdVisits(deps, useCaseContext(c), c.req.valid("param").id);
      const names = await displayNames(
        deps.db,
        rows.map((r) => r.volunteerUserId),
      );
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            householdId: r.householdId,
            visitedOn: r.visitedOn,
            outcome: r.outcome,
            volunteer: { id: r.volunteerUserId, displayName: names.get(r.volunteerUserId) ?? "" },
            present: r.present,
            skills: r.skills,
            nextStep: r.nextStep,
            notes: r.notes,
            photoFileId: r.photoFileId,
            recordedAt: new Date(r.recordedAt).toISOString(),
            syncedAt: new Date(r.syncedAt).toISOString(),
          })),
        },
        200,
      );
    },
  );
}
