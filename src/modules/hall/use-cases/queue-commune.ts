// The commune a hall address names: a 404 for anything but a commune (public pages and API share it).
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type AdminUnitRow, getAdminUnit, isCommuneCode } from "../../admin-units/index.ts";

export async function hallCommune(deps: Pick<Deps, "db" | "config">, code: string): Promise<AdminUnitRow> {
  const unit = isCommuneCode(code) ? await getAdminUnit(deps, code).catch(() => null) : null;
  if (unit?.level !== "commune") throw new AppError("not_found", "error.notFound");
  return unit;
}
