// The communes a person works in with a permission: those where one of their grants sits on the commune itself
// and a grant reaching it carries the permission. The desk's commune picker and the office home's settings links
// ask this; a province grant alone names no commune.
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import type { Permission } from "../../../platform/auth/roles.ts";
import { isCommuneCode } from "../admin-units.model.ts";

/** Commune codes in the order of the grants, each once. */
export function communesGranted(p: Principal, permission: Permission): string[] {
  const out: string[] = [];
  for (const g of p.grants) {
    if (isCommuneCode(g.unitCode) && can(p, permission, { code: g.unitCode, path: g.unitPath }) && !out.includes(g.unitCode)) out.push(g.unitCode);
  }
  return out;
}
