// A commune's desk settings, for its administrators (and those above them).
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { communeLabel, type DeskSettings, printedDeskName } from "../desk-settings.model.ts";
import { loadDeskSettings } from "./load-desk-settings.ts";

/** The commune whose settings the principal may change; 404 for anything that is not a commune. */
export async function settingsCommune(deps: Pick<Deps, "db" | "config">, ctx: { principal: Principal | null }, communeCode: string) {
  const unit = await getAdminUnit(deps, communeCode);
  authorise(ctx.principal, "commune.settings", unit);
  if (unit.level !== "commune") throw new AppError("not_found", "error.notFound");
  return unit;
}

/** The settings with the desk's name as the forms print it (the default when none is set). */
export type DeskSettingsRead = DeskSettings & { printedDeskName: string };

export async function getDeskSettings(deps: Pick<Deps, "db" | "config">, ctx: { principal: Principal | null }, communeCode: string): Promise<DeskSettingsRead> {
  const unit = await settingsCommune(deps, ctx, communeCode);
  const s = await loadDeskSettings(deps, unit.code);
  return { ...s, printedDeskName: printedDeskName(s, communeLabel(unit)) };
}
