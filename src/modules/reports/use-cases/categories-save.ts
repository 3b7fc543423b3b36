// Saves a category: a province admin edits the province's defaults; a commune admin writes the commune's own row,
// which overrides the default of the same code (or adds a category the province does not have). Keyed by
// (province or commune, code): saving again updates the row. Audited as reportCategory.saved.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError, validationError } from "../../../platform/http/app-error.ts";
import { CategoryInput } from "../categories/categories.contract.ts";
import * as repo from "../categories/categories.repository.ts";
import { communeUnit, provinceOfPath, provinceUnit } from "./categories-scope.ts";
import { responsibleCandidates } from "./categories-officers.ts";

type Ctx = Context & { principal: Principal | null };

const fieldError = (field: string, code: string, message: FieldError["message"]): AppError =>
  new AppError("validation", "error.validation", [{ field, code, message }]);

export async function saveCategory(deps: Pick<Deps, "db" | "config" | "events">, ctx: Ctx, raw: unknown): Promise<{ id: string; created: boolean }> {
  const parsed = CategoryInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const communeCode = input.communeCode ?? null;
  const unit = communeCode ? await communeUnit(deps, communeCode, "communeCode") : await provinceUnit(deps, input.provinceCode ?? "", "provinceCode");
  authorise(ctx.principal, "report.categories", unit);
  const provinceCode = provinceOfPath(unit.path);
  if (input.provinceCode && input.provinceCode !== provinceCode) throw fieldError("provinceCode", "mismatch", "reports.categories.error.province");
  if (input.responsibleUserId) {
    // A province default cannot name one commune's officer; a commune's row names one of its own.
    if (!communeCode) throw fieldError("responsibleUserId", "commune_only", "reports.categories.error.officerCommune");
    const candidates = await responsibleCandidates(deps, unit.path);
    if (!candidates.some((u) => u.id === input.responsibleUserId)) throw fieldError("responsibleUserId", "unknown", "reports.categories.error.officer");
  }
  const write: repo.CategoryWrite = {
    provinceCode,
    communeCode,
    code: input.code,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    descriptionVi: input.descriptionVi,
    descriptionEn: input.descriptionEn,
    keywords: input.keywords,
    responsibleUnit: input.responsibleUnit,
    responsibleUserId: input.responsibleUserId,
    timeLimitDays: input.timeLimitDays,
    publicByDefault: input.publicByDefault,
    attributes: input.attributes,
    sortOrder: input.sortOrder,
    active: input.active,
  };
  return deps.db.tx(async (q) => {
    const existing = await repo.findCategoryByCode(q, provinceCode, communeCode, input.code, true);
    const id = existing ? existing.id : await repo.insertCategory(q, write);
    if (existing) await repo.updateCategory(q, existing.id, write);
    await deps.events.publish(q, {
      type: "reportCategory.saved",
      actor: ctx.actor,
      target: { type: "report_category", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: {
        code: input.code,
        scope: communeCode ? "commune" : "province",
        created: !existing,
        timeLimitDays: input.timeLimitDays,
        publicByDefault: input.publicByDefault,
        active: input.active,
        attributes: input.attributes.length,
      },
    });
    return { id, created: !existing };
  });
}

/** PUT by id: the row's own scope and code, the body's other fields. */
export async function updateCategoryById(deps: Pick<Deps, "db" | "config" | "events">, ctx: Ctx, id: string, raw: unknown): Promise<{ id: string }> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const row = isUuid(id) ? await repo.findCategory(deps.db, id) : null;
  if (!row) throw new AppError("not_found", "error.notFound");
  const unit = row.communeCode ? await communeUnit(deps, row.communeCode, "communeCode") : await provinceUnit(deps, row.provinceCode, "provinceCode");
  authorise(ctx.principal, "report.categories", unit);
  const body = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  for (const key of ["code", "communeCode", "provinceCode"] as const)
    if (key in body && body[key] !== (key === "code" ? row.code : key === "communeCode" ? row.communeCode : row.provinceCode))
      throw fieldError(key, "immutable", "reports.categories.error.immutable");
  await saveCategory(deps, ctx, { ...body, code: row.code, provinceCode: row.provinceCode, communeCode: row.communeCode });
  return { id: row.id };
}
