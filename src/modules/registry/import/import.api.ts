// /api/v1 routes of registry: XLSX/CSV import and export. Handlers are thin; use cases live under use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { fileResponse } from "../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { checkImport } from "../use-cases/import-check.ts";
import { commitImport } from "../use-cases/import-commit.ts";
import { exportRegistry } from "../use-cases/import-export.ts";
import { getImport } from "../use-cases/import-read.ts";
import { formatOf, MEDIA_TYPES } from "./household-file.ts";
import { CommitInput, ExportQuery, presentImport, RegistryImport, UploadForm } from "./import.contract.ts";

const tags = ["Registry"];
const security = [{ bearerAuth: [] }];
const IdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "The import's id" }),
});
const binary = z.string().openapi({ format: "binary" });

export function registerImportApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/registry/imports",
      tags,
      security,
      summary: "Check a registry file (XLSX or CSV, one row per person): its problems by row and column and its possible duplicates; nothing written yet",
      request: { body: { required: true, content: { "multipart/form-data": { schema: UploadForm } } } },
      responses: {
        201: json(RegistryImport, "The check result, kept as a preview to commit"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        413: problems[413],
        415: problems[415],
      },
    }),
    async (c) => {
      const { communeCode, file } = c.req.valid("form");
      const format = formatOf(file.type, file.name);
      if (!format) throw new AppError("validation", "error.validation", [{ field: "file", code: "format", message: "registryImport.file.format" }]);
      const row = await checkImport(deps, useCaseContext(c), { communeCode, fileName: file.name, format, bytes: new Uint8Array(await file.arrayBuffer()) });
      return c.json(presentImport(row, c.get("t")), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/registry/imports/{id}",
      tags,
      security,
      summary: "An import: its problems, duplicates, counts and, while committing, its progress",
      request: { params: IdParam },
      responses: { 200: json(RegistryImport, "The import"), 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => c.json(presentImport(await getImport(deps, useCaseContext(c), c.req.valid("param").id), c.get("t")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/registry/imports/{id}/commit",
      tags,
      security,
      summary: "Write a checked import to the registry, all or nothing; refused (400) while any problem or undecided duplicate is left",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: CommitInput } } } },
      responses: {
        200: json(RegistryImport, "The committed import"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: problems[409],
        415: problems[415],
      },
    }),
    async (c) => {
      const row = await commitImport(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentImport(row, c.get("t")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/registry/export",
      tags,
      security,
      summary: "The registry of a commune (or one village) in the import's own format, XLSX or CSV",
      request: { query: ExportQuery },
      responses: {
        200: { description: "The file", content: { [MEDIA_TYPES.xlsx]: { schema: binary }, "text/csv": { schema: binary } } },
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const file = await exportRegistry(deps, useCaseContext(c), { communeCode: q.commune, villageCode: q.village ?? null, format: q.format });
      return fileResponse(c, { name: file.filename, mediaType: file.mediaType, content: Buffer.from(file.bytes) });
    },
  );
}
