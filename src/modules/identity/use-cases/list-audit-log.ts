// The audit log as an admin sees it: entries about units inside their audit.read grants. The audit platform
// checks the permission; admin-units, which owns the tree, says which unit codes those grants cover.
import type { Deps } from "../../../deps.ts";
import { listAuditForPrincipal } from "../../../platform/audit/index.ts";
import { listUnitCodesWithin } from "../../admin-units/index.ts";
import type { Ctx } from "./user-scope.ts";

export const listAuditLog = (deps: Pick<Deps, "db">, ctx: Ctx, page: { beforeSeq?: number; limit: number }) =>
  listAuditForPrincipal(deps, ctx.principal, { ...page, unitCodesWithin: (paths) => listUnitCodesWithin(deps, paths) });
