// Where a category row lives: a province (its defaults) or a commune of it (the commune's own rows).
import type { Deps } from "../../../deps.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { AppError } from "../../../platform/http/app-error.ts";

/** The province code of a unit: the first segment of its path (/15/02923/...). */
export const provinceOfPath = (path: string): string => path.split("/").filter(Boolean)[0] ?? "";

/** The unit of a commune code, or a 400 naming `field` when it is not a commune (reference data: no 404 needed). */
export async function communeUnit(deps: Pick<Deps, "db" | "config">, code: string, field: string): Promise<AdminUnitRow> {
  const unit = await getAdminUnit(deps, code).catch(() => null);
  if (unit?.level !== "commune") throw new AppError("validation", "error.validation", [{ field, code: "unknown_unit", message: "validation.unknownUnit" }]);
  return unit;
}

export async function provinceUnit(deps: Pick<Deps, "db" | "config">, code: string, field: string): Promise<AdminUnitRow> {
  const unit = await getAdminUnit(deps, code).catch(() => null);
  if (unit?.level !== "province") throw new AppError("validation", "error.validation", [{ field, code: "unknown_unit", message: "validation.unknownUnit" }]);
  return unit;
}
