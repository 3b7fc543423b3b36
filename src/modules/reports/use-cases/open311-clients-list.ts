// The Open311 clients registered on units the caller manages (open311.manage), revoked ones last.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type ClientRow, listClients } from "../open311/open311.repository.ts";

export async function listOpen311Clients(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }): Promise<ClientRow[]> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(ctx.principal, "open311.manage");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  return listClients(deps.db, paths);
}

/** Whether the caller may manage clients anywhere (the office links). */
export const managesOpen311 = (p: Principal | null) => scopePaths(p, "open311.manage").length > 0;
