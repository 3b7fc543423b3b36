// What the import use cases share: who acts, and the commune they act on.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";

export type ImportCtx = { actor: Actor; requestId: string | null; principal: Principal | null };

/** The commune, once the caller may manage its registry (outside their units: 404). */
export async function manageableCommune(deps: Pick<Deps, "db" | "config">, ctx: ImportCtx, communeCode: string) {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = await getAdminUnit(deps, communeCode).catch(() => null);
  if (unit?.level !== "commune") {
    throw new AppError("validation", "error.validation", [{ field: "communeCode", code: "unknown", message: "registryImport.error.unknownCommune" }]);
  }
  authorise(ctx.principal, "registry.manage", unit);
  return unit;
}

/**
 * The principal of an operator at the server's console (`xaso registry import`): they hold the database, so the
 * command acts with a system administrator's grant on the commune it names, and is recorded as the CLI.
 */
export function consolePrincipal(unit: { code: string; path: string }): Principal {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    username: "cli:registry-import",
    displayName: "xaso registry import",
    kind: "service",
    locale: null,
    grants: [{ role: "system_admin", unitCode: unit.code, unitPath: unit.path }],
  };
}
