// A province's report area (the rectangle its reports may be placed in), read by its category admins. Who: the
// province's report.categories grant. A commune's admin of the same province is told no (403: they know the province
// exists); anyone else gets the 404 of every other unit.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { findReportArea, type ReportAreaRow } from "../categories/areas.repository.ts";

/** The province, once the principal may administer its area; 404 for a code that is not a province. */
export async function areaProvince(deps: Pick<Deps, "db" | "config">, p: Principal | null, code: string): Promise<AdminUnitRow & { level: "province" }> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = /^\d{2}$/.test(code) ? await getAdminUnit(deps, code).catch(() => null) : null;
  if (unit?.level !== "province") throw new AppError("not_found", "error.notFound");
  if (!p.grants.some((g) => g.unitPath.startsWith(unit.path) || unit.path.startsWith(g.unitPath))) throw new AppError("not_found", "error.notFound");
  if (!p.grants.some((g) => unit.path.startsWith(g.unitPath))) throw new AppError("forbidden", "error.forbidden");
  authorise(p, "report.categories", unit);
  return unit as AdminUnitRow & { level: "province" };
}

export async function getReportArea(deps: Pick<Deps, "db" | "config">, p: Principal | null, provinceCode: string): Promise<ReportAreaRow | null> {
  const unit = await areaProvince(deps, p, provinceCode);
  return findReportArea(deps.db, unit.code);
}
