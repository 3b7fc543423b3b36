// What the dossier reads share: the caller's context and the one check that a dossier may be opened.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { assertCanView } from "../dossier-access.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierRow } from "../dossiers.model.ts";

export type ReadDeps = Pick<Deps, "db" | "events" | "clock" | "config">;
export type ReadCtx = Context & { principal: Principal | null };

/**
 * `as: "office"`: the office face answers 404 to anyone who cannot read the dossier as an officer, its applicant included.
 * `part`: what of the dossier is read besides its record (a document, a printed form), named in the audit entry.
 */
export type ReadAs = { as?: "office"; part?: Record<string, unknown> };

export async function loadViewable(
  deps: Pick<Deps, "db">,
  ctx: ReadCtx,
  id: string,
  opts: ReadAs,
): Promise<{ d: DossierRow; capacity: "office" | "applicant" }> {
  const d = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findById(deps.db, id) : null;
  if (!d) throw ctx.principal ? new AppError("not_found", "error.notFound") : new AppError("unauthenticated", "error.unauthenticated");
  const capacity = assertCanView(ctx.principal, d);
  if (opts.as === "office" && capacity !== "office") throw new AppError("not_found", "error.notFound");
  return { d, capacity };
}

/**
 * Anyone but the owner reading a dossier (an officer, an API token, a volunteer who filed it for someone) reads
 * someone else's personal data: the law wants that on record. The owner reading their own is not recorded.
 */
export async function recordDossierRead(
  deps: Pick<Deps, "db" | "events">,
  ctx: ReadCtx,
  d: Pick<DossierRow, "id" | "communeCode" | "ownerUserId">,
  capacity: "office" | "applicant",
  part?: Record<string, unknown>,
): Promise<void> {
  if (capacity === "applicant" && ctx.principal?.userId === d.ownerUserId) return;
  await recordPersonalDataRead(deps, ctx, { target: { type: "dossier", id: d.id }, adminUnitCode: d.communeCode, ...(part ? { details: part } : {}) });
}
