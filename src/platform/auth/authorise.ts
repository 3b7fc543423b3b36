// The one authorisation rule, used by every use case: deny by default; a grant on a unit covers its subtree.
import { AppError } from "../http/app-error.ts";
import { GRANTABLE, PERMISSIONS, type Permission, type Role } from "./roles.ts";

export type Grant = { role: Role; unitCode: string; unitPath: string };
export type Principal = {
  userId: string;
  username: string;
  displayName: string;
  kind: "officer" | "volunteer" | "citizen" | "service";
  locale: "vi" | "en" | null;
  grants: Grant[];
  /** Set when the request came with an API token: then only the token's own grant applies. */
  tokenId?: string;
};

export type ScopedUnit = { code: string; path: string };

const covers = (g: Grant, unit: ScopedUnit) => unit.path.startsWith(g.unitPath);

/** True when some grant of the principal reaches the unit, whatever its role. */
export function inScope(p: Principal | null, unit: ScopedUnit): boolean {
  return !!p && p.grants.some((g) => covers(g, unit));
}

export function can(p: Principal | null, permission: Permission, unit: ScopedUnit): boolean {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return !!p && p.grants.some((g) => roles.includes(g.role) && covers(g, unit));
}

/**
 * can(), or a grant with the permission on a unit inside `unit`: a volunteer granted on a village helps
 * anyone filing with the village's commune.
 */
export function canOnOrWithin(p: Principal | null, permission: Permission, unit: ScopedUnit): boolean {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return !!p && p.grants.some((g) => roles.includes(g.role) && (covers(g, unit) || g.unitPath.startsWith(unit.path)));
}

/**
 * Throws unless the principal may do `permission` on `unit`.
 * Outside every grant the answer is 404: another commune's data is not even confirmed to exist.
 */
export function authorise(p: Principal | null, permission: Permission, unit: ScopedUnit): asserts p is Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!inScope(p, unit)) throw new AppError("not_found", "error.notFound");
  if (!can(p, permission, unit)) throw new AppError("forbidden", "error.forbidden");
}

/** Path prefixes the principal may act on with a permission (for list queries). */
export function scopePaths(p: Principal | null, permission: Permission): string[] {
  if (!p) return [];
  const roles: readonly Role[] = PERMISSIONS[permission];
  return p.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath);
}

/** Codes of the units whose grants give the permission (what a list read covers, for its audit entry). */
export function scopeUnitCodes(p: Principal | null, permission: Permission): string[] {
  if (!p) return [];
  const roles: readonly Role[] = PERMISSIONS[permission];
  return [...new Set(p.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitCode))];
}

/**
 * True when the principal holds this very role on the unit or on a unit above it, whatever the role may do.
 * What an API token may carry: one role its owner holds, on a unit inside that grant.
 */
export function holdsRole(p: Principal | null, role: Role, unit: ScopedUnit): boolean {
  return !!p && p.grants.some((g) => g.role === role && covers(g, unit));
}

export function canGrant(p: Principal, role: Role, unit: ScopedUnit): boolean {
  return p.grants.some((g) => covers(g, unit) && GRANTABLE[g.role].includes(role));
}
