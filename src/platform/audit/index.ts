/** Audit: every domain event becomes a hash-chained, append-only entry in the same transaction. */
import type { Deps } from "../../deps.ts";
import { type Principal, scopePaths } from "../auth/authorise.ts";
import { AppError } from "../http/app-error.ts";
import type { EventBus } from "../events/domain-events.ts";
import { appendAudit, listAudit } from "./audit.repository.ts";

export { sealAudit, verifyAudit, type AuditVerification } from "./audit.repository.ts";

export function subscribeAudit(events: EventBus, clock: { now(): Date }) {
  events.subscribe((q, event) => appendAudit(q, event, clock.now()));
}

/**
 * Entries about units the principal may audit, newest first. The platform knows the principal's scope as
 * path prefixes but not the unit tree: `unitCodesWithin` (given by the module that owns the tree) turns
 * those prefixes into the unit codes the entries carry.
 */
export async function listAuditForPrincipal(
  deps: Pick<Deps, "db">,
  principal: Principal | null,
  opts: { beforeSeq?: number; limit: number; unitCodesWithin: (paths: string[]) => Promise<string[]> },
) {
  if (!principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(principal, "audit.read");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  const unitCodes = await opts.unitCodesWithin(paths);
  return listAudit(deps.db, { unitCodes, limit: opts.limit, beforeSeq: opts.beforeSeq });
}
