// Which province a request acts on, and whether it may. Sets and targets belong to a province: anyone holding
// indicator.read on the province or on a commune inside it reads them (a commune uses its province's sets); only
// indicator.manage on the province itself changes them. A province outside every grant is a 404, never a 403.
import type { Deps } from "../../../deps.ts";
import { can, canOnOrWithin, type Principal } from "../../../platform/auth/authorise.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type UnitRef, unitRef } from "../indicators.repository.ts";

export type SetsCtx = { actor: Actor; requestId: string | null; principal: Principal | null };

const provinceOfPath = (path: string): string | null => path.split("/").filter(Boolean)[0] ?? null;

/** The provinces a principal's grants reach, in grant order. */
export function grantedProvinces(p: Principal): string[] {
  return [...new Set(p.grants.map((g) => provinceOfPath(g.unitPath)).filter((c): c is string => c !== null))];
}

/** The province asked for (or the principal's first), checked for the access needed. */
export async function provinceAccess(
  deps: Pick<Deps, "db">,
  p: Principal | null,
  requested: string | null | undefined,
  need: "read" | "manage",
): Promise<UnitRef> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const code = requested || grantedProvinces(p)[0];
  if (!code || !/^\d{2}$/.test(code)) throw new AppError("not_found", "error.notFound");
  const unit = await unitRef(deps.db, code);
  if (unit?.level !== "province") throw new AppError("not_found", "error.notFound");
  const reaches = p.grants.some((g) => unit.path.startsWith(g.unitPath) || g.unitPath.startsWith(unit.path));
  if (!reaches) throw new AppError("not_found", "error.notFound");
  const ok = need === "read" ? canOnOrWithin(p, "indicator.read", unit) : can(p, "indicator.manage", unit);
  if (!ok) throw new AppError("forbidden", "error.forbidden");
  return unit;
}
