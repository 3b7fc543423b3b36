// The audit log as an admin sees it: entries about units inside their audit.read grants. The audit platform
// checks the permission; admin-units, which owns the tree, says which unit codes those grants cover.
import type { Deps } from "../../../deps.ts";
import { listAuditForPrincipal, recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { listUnitCodesWithin } from "../../admin-units/index.ts";
import type { Ctx } from "./user-scope.ts";

export async function listAuditLog(deps: Pick<Deps, "db" | "events">, ctx: Ctx, page: { beforeSeq?: number; limit: number }) {
  const entries = await listAuditForPrincipal(deps, ctx.principal, { ...page, unitCodesWithin: (paths) => listUnitCodesWithin(deps, paths) });
  // Who did what to whom names people (accounts, the records they touched): reading it is recorded too.
  const units = scopeUnitCodes(ctx.principal, "audit.read");
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "auditLog", id: null },
    adminUnitCode: units[0] ?? null,
    details: { units, ...(page.beforeSeq !== undefined ? { before: page.beforeSeq } : {}), limit: page.limit },
  });
  return entries;
}
