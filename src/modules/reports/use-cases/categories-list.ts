// What a category admin sees for a unit: a province's defaults, or a commune's effective list with every row marked
// as the province's or the commune's own (inactive rows included: a commune turns a default off by overriding it).
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import * as repo from "../categories/categories.repository.ts";
import { provinceOfPath } from "./categories-scope.ts";
import { ensureDefaultCategories } from "./categories-ensure-defaults.ts";

export type AdminCategoryList = {
  unit: { code: string; path: string; level: "province" | "commune"; name: string };
  provinceCode: string;
  rows: Array<repo.CategoryRow & { overridden: boolean }>;
};

export async function listCategoriesForAdmin(deps: Pick<Deps, "db" | "config">, principal: Principal | null, unitCode: string): Promise<AdminCategoryList> {
  if (!principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = await getAdminUnit(deps, unitCode).catch(() => null);
  if (!unit || (unit.level !== "province" && unit.level !== "commune")) throw new AppError("not_found", "error.notFound");
  authorise(principal, "report.categories", unit);
  const provinceCode = provinceOfPath(unit.path);
  // The first visit of an admin gives the province its built-in list.
  await ensureDefaultCategories(deps, provinceCode);
  if (unit.level === "province") {
    const rows = await repo.provinceDefaults(deps.db, provinceCode);
    return {
      unit: { code: unit.code, path: unit.path, level: "province", name: unit.fullName },
      provinceCode,
      rows: rows.map((r) => ({ ...r, overridden: false })),
    };
  }
  const rows = await repo.effectiveCategories(deps.db, provinceCode, unit.code, true);
  const defaults = new Set((await repo.provinceDefaults(deps.db, provinceCode)).map((r) => r.code));
  return {
    unit: { code: unit.code, path: unit.path, level: "commune", name: unit.fullName },
    provinceCode,
    rows: rows.map((r) => ({ ...r, overridden: r.communeCode !== null && defaults.has(r.code) })),
  };
}
