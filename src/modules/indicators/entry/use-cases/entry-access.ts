// Who may do what with a commune's manual values: the commune (indicator.enter) enters and submits, the province
// (indicator.review) approves or returns, readers (indicator.read) see the status and the evidence. A person whose
// grants reach neither the commune nor a unit inside it gets a 404: another commune is not even confirmed to exist.
import type { Deps } from "../../../../deps.ts";
import { can, inScope, type Principal } from "../../../../platform/auth/authorise.ts";
import type { Permission } from "../../../../platform/auth/roles.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import * as repo from "../../indicators.repository.ts";

export type EntryUnit = repo.UnitRef & { communeCode: string; provinceCode: string };

const provinceOfPath = (path: string) => path.split("/").filter(Boolean)[0] ?? "";

/** Unauthenticated → 401; no grant reaching the unit or inside it → 404; none of the permissions → 403. */
export function authoriseAny(p: Principal | null, permissions: readonly Permission[], unit: { code: string; path: string }): asserts p is Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!inScope(p, unit) && !p.grants.some((g) => g.unitPath.startsWith(unit.path))) throw new AppError("not_found", "error.notFound");
  if (!permissions.some((perm) => can(p, perm, unit))) throw new AppError("forbidden", "error.forbidden");
}

/** The commune an entry address names, checked for the permissions; anything but a commune is a 404. */
export async function entryCommune(deps: Pick<Deps, "db">, p: Principal | null, code: string, permissions: readonly Permission[]): Promise<EntryUnit> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = /^\d{5}$/.test(code) ? await repo.unitRef(deps.db, code) : null;
  if (unit?.level !== "commune") throw new AppError("not_found", "error.notFound");
  authoriseAny(p, permissions, unit);
  return { ...unit, communeCode: unit.code, provinceCode: provinceOfPath(unit.path) };
}

/** The communes a person's grants with a permission cover: a commune grant names itself, a province grant its communes. */
export async function communesWith(deps: Pick<Deps, "db">, p: Principal, permission: Permission): Promise<EntryUnit[]> {
  const out = new Map<string, EntryUnit>();
  for (const g of p.grants) {
    if (!can(p, permission, { code: g.unitCode, path: g.unitPath })) continue;
    const unit = await repo.unitRef(deps.db, g.unitCode);
    if (!unit) continue;
    const communes = unit.level === "commune" ? [unit] : unit.level === "province" ? await repo.childUnits(deps.db, unit.code) : [];
    for (const c of communes) if (!out.has(c.code)) out.set(c.code, { ...c, communeCode: c.code, provinceCode: provinceOfPath(c.path) });
  }
  return [...out.values()];
}
