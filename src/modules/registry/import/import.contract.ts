// The import's API contract (zod → validation and OpenAPI) and how an import is presented.
import { z } from "@hono/zod-openapi";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { FORMATS, type ImportProblem } from "./household-file.ts";
import type { ImportRow } from "./import.repository.ts";

export const CommuneCode = z
  .string()
  .regex(/^\d{5}$/)
  .openapi({ description: "The commune's GSO code", example: "02923" });

export const UploadForm = z.object({
  communeCode: CommuneCode,
  file: z
    .custom<File>((v) => typeof File !== "undefined" && v instanceof File, { message: "file" })
    .openapi({ type: "string", format: "binary", description: "The XLSX or CSV file (docs/community/import.md)" }),
});

export const Decision = z.strictObject({ row: z.number().int().min(1).max(1_000_000), action: z.enum(["skip", "import"]) });
export const CommitInput = z
  .strictObject({ decisions: z.array(Decision).max(20_000).default([]) })
  .openapi("RegistryImportCommit", { description: "A decision for every possible duplicate: skip the row or import it anyway" });

export const ExportQuery = z.strictObject({
  commune: CommuneCode,
  village: z
    .string()
    .regex(/^\d{5}\.\d{3}$/)
    .optional()
    .openapi({ description: "One village of the commune; without it the whole commune" }),
  format: z.enum(FORMATS).default("xlsx"),
});

const Problem = z.object({
  sheet: z.string(),
  row: z.number().int().openapi({ description: "The row in the spreadsheet (the header is row 1)" }),
  column: z.string().nullable().openapi({ description: "The column letter (A, B, …), null for a whole row" }),
  field: z.string().openapi({ description: "The column's key (docs/community/import.md), or row/file" }),
  code: z.string(),
  message: z.string(),
});
const Duplicate = z.object({
  row: z.number().int(),
  kind: z.enum(["idInFile", "idInRegistry", "nameInFile", "nameInRegistry"]),
  fullName: z.string(),
  birthYear: z.number().int(),
  villageCode: z.string().nullable(),
  otherRow: z.number().int().optional(),
  existing: z.object({ id: z.string(), fullName: z.string().nullable(), villageCode: z.string().nullable() }).optional(),
  canImport: z.boolean(),
});
export const RegistryImport = z
  .object({
    id: z.string().uuid(),
    communeCode: z.string(),
    fileName: z.string(),
    status: z.enum(["checking", "checked", "committing", "committed", "failed"]),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    committable: z.boolean().openapi({ description: "No problem left: POST …/commit may write it" }),
    problemCount: z.number().int(),
    problems: z.array(Problem),
    duplicates: z.array(Duplicate),
    summary: z.object({
      people: z.number().int().optional(),
      households: z.number().int().optional(),
      villages: z.number().int().optional(),
      imported: z.object({ households: z.number().int(), people: z.number().int(), skipped: z.number().int() }).optional(),
      error: z.string().optional(),
    }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("RegistryImport");

export const problemText = (t: Translate, p: ImportProblem) => t(p.message, p.params);

export function presentImport(r: ImportRow, t: Translate): z.infer<typeof RegistryImport> {
  const problemCount = r.summary.problemCount ?? r.problems.length;
  return {
    id: r.id,
    communeCode: r.communeCode,
    fileName: r.fileName,
    status: r.status,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    committable: problemCount === 0 && (r.status === "checked" || r.status === "failed"),
    problemCount,
    problems: r.problems.map((p) => ({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      field: p.field,
      code: p.message.split(".").at(-1)!,
      message: problemText(t, p),
    })),
    duplicates: r.duplicates,
    summary: {
      people: r.summary.people,
      households: r.summary.households,
      villages: r.summary.villages,
      imported: r.summary.imported,
      error: r.summary.error ? t(r.summary.error.message as Parameters<Translate>[0], r.summary.error.params) : undefined,
    },
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
