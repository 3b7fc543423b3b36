/** Audit: every domain event becomes a hash-chained, append-only entry in the same transaction. */
import type { Deps } from "../../deps.ts";
import { type Principal, scopePaths } from "../auth/authorise.ts";
import { AppError } from "../http/app-error.ts";
import type { Context, EventBus } from "../events/domain-events.ts";
import { appendAudit, listAudit } from "./audit.repository.ts";

export { sealAudit, verifyAudit, type AuditVerification } from "./audit.repository.ts";

/** The action of every audited read of personal data (docs/security.md, "Personal data"). */
export const PERSONAL_DATA_READ = "personalData.read";

export type PersonalDataRead = {
  /** What was read: one record ("dossier", "user", …) or, for a list, the list ("deskQueue", "userList", …). */
  target: { type: string; id: string | null };
  adminUnitCode: string | null;
  /** For a list, its filter and page; for part of a record, which part. Never the personal data itself. */
  details?: Record<string, unknown>;
};

/**
 * Records that someone read personal data, in its own short transaction: one entry per read, a list being one
 * read (not one per row). Use cases call it once they know the read is allowed.
 */
export async function recordPersonalDataRead(deps: Pick<Deps, "db" | "events">, ctx: Context, read: PersonalDataRead): Promise<void> {
  await deps.db.tx((q) =>
    deps.events.publish(q, {
      type: PERSONAL_DATA_READ,
      actor: ctx.actor,
      target: read.target,
      adminUnitCode: read.adminUnitCode,
      requestId: ctx.requestId,
      ...(read.details ? { details: read.details } : {}),
    }),
  );
}

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
