// Reading imports: the list (file names and counts only) and one import's preview (names of the people in its
// problems and duplicates: a read of personal data, audited).
import type { Deps } from "../../../deps.ts";
import { scopePaths } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { PersonRow } from "../import/household-file.ts";
import * as repo from "../import/import.repository.ts";
import { type ImportCtx, manageableCommune } from "./import-context.ts";

type D = Pick<Deps, "db" | "config" | "events">;

/** One import as its preview shows it; `sample` is the first people of a file not yet committed. */
export async function getImport(
  deps: D,
  ctx: ImportCtx,
  id: string,
  opts: { sample?: number; audit?: boolean } = {},
): Promise<repo.ImportRow & { sample: PersonRow[] }> {
  if (!isUuid(id)) throw notFound();
  const imp = await repo.findImport(deps.db, id);
  if (!imp) throw notFound();
  await manageableCommune(deps, ctx, imp.communeCode).catch((err: unknown) => {
    throw err instanceof AppError && err.code === "validation" ? notFound() : err;
  });
  const sample = opts.sample && (imp.status === "checked" || imp.status === "failed") ? await repo.firstImportRows(deps.db, id, opts.sample) : [];
  if (opts.audit !== false) {
    await recordPersonalDataRead(deps, ctx, { target: { type: "registryImport", id }, adminUnitCode: imp.communeCode, details: { part: "preview" } });
  }
  return { ...imp, sample };
}

/** The imports of the communes whose registry the caller manages, newest first. */
export async function listImports(deps: Pick<Deps, "db">, ctx: ImportCtx, limit = 50): Promise<repo.ImportRow[]> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(ctx.principal, "registry.manage");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  return repo.listImports(deps.db, paths, limit);
}
