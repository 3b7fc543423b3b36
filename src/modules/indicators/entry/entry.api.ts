// /api/v1 routes of indicators' entry part (tag "Indicators"). Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { fileResponse } from "../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import {
  Entry,
  EntryInput,
  type Evidence,
  IdParam,
  ReopenInput,
  ReviewInput,
  ReviewQueueItem,
  StatusQuery,
  StatusRow,
  UnitPeriodParam,
} from "./entry.contract.ts";
import type { EvidenceRow } from "./entry.repository.ts";
import { getEntry, type EntryForm } from "./use-cases/entry-form.ts";
import { evidenceFile } from "./use-cases/entry-evidence.ts";
import { reopenValue } from "./use-cases/entry-reopen.ts";
import { reviewQueue, reviewValues } from "./use-cases/entry-review.ts";
import { saveEntry } from "./use-cases/entry-save.ts";
import { entryStatus, type StatusRow as StatusRowData } from "./use-cases/entry-status.ts";

const tags = ["Indicators"];
const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const writes = { ...reads, 409: problems[409], 413: problems[413], 415: problems[415], 429: problems[429] };
const base = "/api/v1/indicators/entry/{unit}/{period}";

const presentEvidence = (e: EvidenceRow): z.infer<typeof Evidence> => ({
  id: e.id,
  name: e.name,
  mediaType: e.mediaType,
  sizeBytes: e.sizeBytes,
  uploadedAt: e.uploadedAt.toISOString(),
  href: indicatorPaths.evidence(e.id),
});

export const presentEntry = (f: EntryForm): z.infer<typeof Entry> => ({
  unit: f.unit.code,
  unitName: f.unit.name,
  period: f.period.code,
  state: f.state,
  late: f.late,
  dueBy: f.dueBy,
  values: f.lines.map((l) => ({
    element: l.element.key,
    name: l.element.name,
    nameEn: l.element.nameEn,
    valueType: l.element.valueType,
    min: l.element.min ?? null,
    max: l.element.max ?? null,
    evidenceRequired: l.element.evidenceRequired,
    id: l.row?.id ?? null,
    value: l.row?.value ?? null,
    note: l.row?.note ?? "",
    status: l.row?.status ?? null,
    revision: l.row?.revision ?? null,
    reviewComment: l.row?.reviewComment ?? null,
    editable: l.editable,
    evidence: l.evidence.map(presentEvidence),
  })),
});

const presentStatus = (r: StatusRowData): z.infer<typeof StatusRow> => ({
  unit: r.unit.code,
  unitName: r.unit.name,
  period: r.period.code,
  state: r.state,
  late: r.late,
  dueBy: r.dueBy,
  due: r.due,
  counts: r.counts,
});

export function registerEntryApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      security,
      summary: "A commune's manual values of a period: every element due, its value, state and evidence (indicator.enter, review or read)",
      request: { params: UnitPeriodParam },
      responses: { 200: json(Entry, "The values"), ...reads },
    }),
    async (c) => {
      const { unit, period } = c.req.valid("param");
      return c.json(presentEntry(await getEntry(deps, useCaseContext(c), unit, period)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: base,
      tags,
      security,
      summary: "Save a commune's values of a period as drafts (indicator.enter), optionally submitting them; approved values are locked",
      request: { params: UnitPeriodParam, body: { required: true, content: { "application/json": { schema: EntryInput } } } },
      responses: { 200: json(Entry, "The values as saved"), ...writes },
    }),
    async (c) => {
      const { unit, period } = c.req.valid("param");
      const body = c.req.valid("json");
      const saved = await saveEntry(deps, useCaseContext(c), unit, period, {
        values: body.values,
        removeEvidence: body.removeEvidence ?? [],
        submit: body.submit ?? false,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      return c.json(presentEntry(saved), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: `${base}/submit`,
      tags,
      security,
      summary: "Submit every draft or returned value of a commune's period for the province's review (indicator.enter)",
      request: { params: UnitPeriodParam },
      responses: { 200: json(Entry, "The values as submitted"), ...writes },
    }),
    async (c) => {
      const { unit, period } = c.req.valid("param");
      return c.json(presentEntry(await saveEntry(deps, useCaseContext(c), unit, period, { values: {}, submit: true })), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/indicators/review",
      tags,
      security,
      summary: "Submitted values awaiting review in the provinces you review (indicator.review)",
      responses: { 200: json(z.object({ items: z.array(ReviewQueueItem) }), "Oldest submission first"), ...reads },
    }),
    async (c) => {
      const rows = await reviewQueue(deps, useCaseContext(c));
      const items = rows.map((r) => ({
        id: r.id,
        unit: r.unitCode,
        unitName: r.communeName,
        period: r.period,
        element: r.elementKey,
        value: r.value,
        note: r.note,
        revision: r.revision,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        evidenceCount: r.evidenceCount,
      }));
      return c.json({ items }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/indicators/review",
      tags,
      security,
      summary: "Approve or return submitted values (indicator.review): by ids, or every submitted value of a commune's period; a comment is required to return",
      request: { body: { required: true, content: { "application/json": { schema: ReviewInput } } } },
      responses: { 200: json(z.object({ reviewed: z.number().int() }), "How many values were reviewed"), ...writes },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const input =
        b.ids !== undefined
          ? { decision: b.decision, comment: b.comment ?? null, ids: b.ids }
          : { decision: b.decision, comment: b.comment ?? null, unit: b.unit ?? "", period: b.period ?? "" };
      return c.json({ reviewed: await reviewValues(deps, useCaseContext(c), input) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/indicators/values/{id}/reopen",
      tags,
      security,
      summary:
        "Request a correction of an approved value (indicator.enter or review): it becomes a draft of the next revision and stops counting until approved again",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: ReopenInput } } } },
      responses: { 200: json(z.object({ revision: z.number().int() }), "The new revision"), ...writes },
    }),
    async (c) => c.json(await reopenValue(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json").reason), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/indicators/entry-status",
      tags,
      security,
      summary: `Late and missing manual values: per commune and ended period, its state and whether it is late (past the due day)`,
      request: { query: StatusQuery },
      responses: { 200: json(z.object({ items: z.array(StatusRow) }), "Per commune and period"), ...reads },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const rows = await entryStatus(deps, useCaseContext(c), { unit: q.unit, filter: q.filter });
      return c.json({ items: rows.map(presentStatus) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/indicators/evidence/{id}",
      tags,
      security,
      summary: "Download a piece of evidence",
      request: { params: IdParam },
      responses: {
        200: { description: "The file, as an attachment", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
        ...reads,
      },
    }),
    async (c) => fileResponse(c, await evidenceFile(deps, useCaseContext(c), c.req.valid("param").id)) as never,
  );
}
