// /api/v1/procedures: search, read (current or a past version), publish, withdraw, export and import. Handlers are thin.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import { toLocalDay, VIETNAM_OFFSET_MS } from "../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../platform/http/app-error.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, pageOf, problems } from "../../platform/http/openapi-shared.ts";
import { formatOf, MEDIA_TYPES } from "./catalogue-file.ts";
import {
  CATALOGUE_FORMATS,
  DueDateEstimate,
  DueDateQuery,
  Procedure,
  ProcedureCode,
  ProcedureDefinition,
  ProcedureListItem,
  ProcedureSearchQuery,
  SetActiveInput,
} from "./procedures.contract.ts";
import { getProcedure, getProcedureVersionByCode, type ProcedureRecord, searchProcedures } from "./use-cases/browse-procedures.ts";
import { estimateDueAt } from "./use-cases/estimate-due-at.ts";
import { exportCatalogue } from "./use-cases/export-catalogue.ts";
import { importCatalogue } from "./use-cases/import-catalogue.ts";
import { publishProcedure } from "./use-cases/publish-procedure.ts";
import { setProcedureActive } from "./use-cases/set-procedure-active.ts";

const present = (r: ProcedureRecord): z.infer<typeof Procedure> => ({ version: r.version, active: r.active, definition: r.definition, totalFee: r.totalFee });
const ProcedurePage = pageOf(ProcedureListItem, "ProcedurePage");
const CodeParam = z.object({ code: ProcedureCode.openapi({ param: { name: "code", in: "path" } }) });
const ImportResult = z.object({ published: z.array(z.string()), unchanged: z.array(z.string()) }).openapi("CatalogueImportResult");
const binary = z.string().openapi({ format: "binary" });
const fileContent = { [MEDIA_TYPES.xlsx]: { schema: binary }, "text/csv": { schema: binary } };
const tags = ["Procedures"];

export function registerProceduresApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/procedures",
      tags,
      summary: "Search the procedures in force, ignoring diacritics; by field, then name",
      request: { query: ProcedureSearchQuery },
      responses: { 200: json(ProcedurePage, "Procedures"), 400: problems[400] },
    }),
    async (c) => c.json(await searchProcedures(deps, c.req.valid("query")), 200),
  );

  // Before /{code}: a literal segment must win over the parameter.
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/procedures/export",
      tags,
      summary: "The whole catalogue as a file (docs/catalogue-format.md)",
      request: { query: z.object({ format: z.enum(CATALOGUE_FORMATS).default("xlsx") }) },
      responses: { 200: { description: "The catalogue file", content: fileContent }, 400: problems[400] },
    }),
    async (c) => {
      const file = await exportCatalogue(deps, c.req.valid("query").format);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": file.mediaType,
        "content-disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/procedures/import",
      tags,
      security: [{ bearerAuth: [] }],
      summary: "Publish a whole catalogue file (all or nothing); errors name the sheet, row and column, e.g. documents!C7",
      request: { body: { required: true, content: fileContent } },
      responses: {
        200: json(ImportResult, "Codes published as a new version, and codes unchanged"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        413: problems[413],
        415: problems[415],
      },
    }),
    async (c) => {
      const format = formatOf(c.req.header("content-type"));
      if (!format) throw new AppError("unsupported_media_type", "error.unsupportedMediaType");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await importCatalogue(deps, useCaseContext(c), { bytes, format }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/procedures/{code}",
      tags,
      summary: "A procedure: its current version, or a past one with ?version=",
      request: { params: CodeParam, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
      responses: { 200: json(Procedure, "The procedure"), 400: problems[400], 404: problems[404] },
    }),
    async (c) => {
      const { code } = c.req.valid("param");
      const { version } = c.req.valid("query");
      return c.json(present(version ? await getProcedureVersionByCode(deps, code, version) : await getProcedure(deps, code)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/procedures/{code}/due-date",
      tags,
      summary: "When a dossier received at a given moment (default now) is due: the rule the desk applies on receipt",
      request: { params: CodeParam, query: DueDateQuery },
      responses: { 200: json(DueDateEstimate, "The appointment"), 400: problems[400], 404: problems[404] },
    }),
    async (c) => {
      const { receivedAt } = c.req.valid("query");
      // Without an offset the moment is Vietnam time, as a desk would say it.
      const at = receivedAt === undefined ? undefined : new Date(/(Z|[+-]\d\d:\d\d)$/.test(receivedAt) ? receivedAt : `${receivedAt}+07:00`);
      const e = await estimateDueAt(deps, c.req.valid("param").code, at);
      const local = new Date(e.dueAt.getTime() + VIETNAM_OFFSET_MS).toISOString();
      return c.json(
        {
          code: e.code,
          receivedAt: e.receivedAt.toISOString(),
          dueAt: e.dueAt.toISOString(),
          dueDate: toLocalDay(e.dueAt),
          dueTime: local.slice(11, 16),
          processing: e.processing,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/procedures/{code}",
      tags,
      security: [{ bearerAuth: [] }],
      summary: "Publish a definition: a new version unless it is unchanged",
      request: { params: CodeParam, body: { required: true, content: { "application/json": { schema: ProcedureDefinition } } } },
      responses: { 200: json(Procedure, "The current version"), 400: problems[400], 401: problems[401], 403: problems[403], 415: problems[415] },
    }),
    async (c) => {
      const body = c.req.valid("json");
      if (body.code !== c.req.valid("param").code) {
        throw new AppError("validation", "error.validation", [{ field: "code", code: "mismatch", message: "procedures.error.codeMismatch" }]);
      }
      return c.json(present(await publishProcedure(deps, useCaseContext(c), body)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/procedures/{code}/active",
      tags,
      security: [{ bearerAuth: [] }],
      summary: "Put a procedure in force or withdraw it (its versions stay readable)",
      request: { params: CodeParam, body: { required: true, content: { "application/json": { schema: SetActiveInput } } } },
      responses: { 200: json(Procedure, "The procedure"), 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404], 415: problems[415] },
    }),
    async (c) => {
      const { code } = c.req.valid("param");
      await setProcedureActive(deps, useCaseContext(c), code, c.req.valid("json").active);
      return c.json(present(await getProcedure(deps, code)), 200);
    },
  );
}
