// Which unit's channel settings a person manages: the `unit` they name (a commune or a province within their
// notice.channels grants), else the first unit of those grants. Another commune's settings are a 404.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";

export async function channelsUnit(deps: Pick<Deps, "db" | "config">, p: Principal | null, code: string | undefined): Promise<AdminUnitRow> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const wanted = code || scopeUnitCodes(p, "notice.channels").find((c) => /^\d{2}(\d{3})?$/.test(c));
  if (!wanted) throw new AppError("forbidden", "error.forbidden");
  const unit = /^\d{2}(\d{3})?$/.test(wanted) ? await getAdminUnit(deps, wanted).catch(() => null) : null;
  if (!unit || (unit.level !== "commune" && unit.level !== "province")) throw new AppError("not_found", "error.notFound");
  authorise(p, "notice.channels", unit);
  return unit;
}
