// /api/v1 routes of skills and coverage: the province's checklist, confirming a skill, coverage, the gap list and
// the workbook. Handlers are thin; use cases live under ../use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { computeCoverage } from "../use-cases/coverage-compute.ts";
import { exportCoverage, XLSX_MEDIA_TYPE } from "../use-cases/coverage-export.ts";
import { listGaps } from "../use-cases/coverage-gaps.ts";
import { getChecklist, saveChecklist } from "../use-cases/skills-checklist.ts";
import { confirmResidentSkill } from "../use-cases/skills-confirm.ts";
import {
  Checklist,
  ConfirmSkillInput,
  CoverageQuery,
  CoverageReport,
  ExportQuery,
  GapsQuery,
  GapsReport,
  SaveSkillsInput,
  SkillConfirmed,
  SkillsQuery,
} from "./coverage.contract.ts";

const tags = ["Coverage"];
const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export function registerCoverageApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/skills",
      tags,
      security,
      summary: "A province's skill checklist (the built-in defaults until the province saves its own)",
      description: "For anyone with a grant in or above the province; 404 otherwise.",
      request: { query: SkillsQuery },
      responses: { 200: json(Checklist, "The checklist, in its order, inactive skills included"), ...reads },
    }),
    async (c) => c.json(await getChecklist(deps, useCaseContext(c), c.req.valid("query").province), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/skills",
      tags,
      security,
      summary: "Save a province's checklist: add, rename, reorder, deactivate (skills.manage)",
      description: "A key left out is kept inactive, never deleted: the confirmations of it stay. Who is proficient is recounted in the same transaction.",
      request: { body: body(SaveSkillsInput) },
      responses: { 200: json(Checklist, "The saved checklist"), ...reads, 415: problems[415] },
    }),
    async (c) => c.json(await saveChecklist(deps, useCaseContext(c), c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/residents/{id}/skills",
      tags,
      security,
      summary: "Confirm a resident's skill in the office: who, when and how (seen in person, self-declared)",
      description:
        "For team members (outreach.record) and registry officers (registry.manage) who may see the resident's household; 404 otherwise. A confirmation seen in person is never replaced by a self-declared one (changed: false).",
      request: { params: IdParam, body: body(ConfirmSkillInput) },
      responses: { 200: json(SkillConfirmed, "The skill as now on record"), ...reads, 415: problems[415] },
    }),
    async (c) => c.json(await confirmResidentSkill(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/coverage",
      tags,
      security,
      summary: "Coverage of a unit: households with a proficient person, adults with each skill, visits (docs/community/coverage.md)",
      description:
        "Rows: the communes of a province, the villages of a commune, the teams of a village. A team leader sees their teams' households only (partial: true). No personal data: counts only.",
      request: { query: CoverageQuery },
      responses: { 200: json(CoverageReport, "The unit's figures and one row per commune, village or team"), ...reads },
    }),
    async (c) => c.json(await computeCoverage(deps, useCaseContext(c), c.req.valid("query")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/coverage/gaps",
      tags,
      security,
      summary: "Who still needs what: adults lacking an active skill, by village then address (audited)",
      request: { query: GapsQuery },
      responses: { 200: json(GapsReport, "The list (5,000 people at most: truncated says so)"), ...reads },
    }),
    async (c) => c.json(await listGaps(deps, useCaseContext(c), c.req.valid("query")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/coverage.xlsx",
      tags,
      security,
      summary: "Coverage and the gap list as a workbook (Vietnamese headers; audited, as it names people)",
      request: { query: ExportQuery },
      responses: { 200: { description: "The workbook", content: { [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: "binary" }) } } }, ...reads },
    }),
    async (c) => {
      const file = await exportCoverage(deps, useCaseContext(c), c.req.valid("query"));
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": file.mediaType,
        "content-disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );
}
