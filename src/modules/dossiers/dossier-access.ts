// Who may see a dossier and in which capacity: shared by the use cases of this module.
import { can, inScope, type Principal } from "../../platform/auth/authorise.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { type ActorFacts, WORKFLOW_PERMISSIONS } from "./dossier-workflow.ts";
import type { DossierRow } from "./dossiers.model.ts";

export const unitOf = (d: Pick<DossierRow, "communeCode" | "unitPath">) => ({ code: d.communeCode, path: d.unitPath });

/** The applicant's side: the owner, or whoever filed it for them (a volunteer keeps following what they filed). */
export const isApplicantSide = (p: Principal | null, d: Pick<DossierRow, "ownerUserId" | "filedByUserId">) =>
  !!p && (p.userId === d.ownerUserId || p.userId === d.filedByUserId);

/** What the state machine needs to know of the actor: the workflow permissions held on the dossier's unit. */
export function actorFacts(p: Principal | null, d: Pick<DossierRow, "communeCode" | "unitPath" | "ownerUserId" | "filedByUserId">): ActorFacts {
  const unit = unitOf(d);
  return { userId: p?.userId ?? null, permissions: new Set(WORKFLOW_PERMISSIONS.filter((perm) => can(p, perm, unit))), isApplicant: isApplicantSide(p, d) };
}

export const canReadAsOffice = (p: Principal | null, d: DossierRow) => can(p, "dossier.read", unitOf(d));

/** Throws 401 for anonymous callers and 404 for anyone with no claim on the dossier (its existence is not confirmed). */
export function assertCanView(p: Principal | null, d: DossierRow): "office" | "applicant" {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (canReadAsOffice(p, d)) return "office";
  if (isApplicantSide(p, d)) return "applicant";
  if (inScope(p, unitOf(d)) && p.kind !== "citizen") throw new AppError("forbidden", "error.forbidden");
  throw new AppError("not_found", "error.notFound");
}
