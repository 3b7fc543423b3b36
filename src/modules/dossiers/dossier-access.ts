// Who may see a dossier and in which capacity: shared by the use cases of this module.
import { can, inScope, type Principal } from "../../platform/auth/authorise.ts";
import { AppError } from "../../platform/http/app-error.ts";
import type { ActorFacts, DeskRole } from "./dossier-workflow.ts";
import type { DossierRow } from "./dossiers.repository.ts";

const DESK_ROLES: readonly DeskRole[] = ["one_stop_officer", "specialist", "leader"];

export const unitOf = (d: Pick<DossierRow, "communeCode" | "unitPath">) => ({ code: d.communeCode, path: d.unitPath });

/** The applicant's side: the owner, or whoever filed it for them (a volunteer keeps following what they filed). */
export const isApplicantSide = (p: Principal | null, d: Pick<DossierRow, "ownerUserId" | "filedByUserId">) =>
  !!p && (p.userId === d.ownerUserId || p.userId === d.filedByUserId);

export function actorFacts(p: Principal | null, d: DossierRow): ActorFacts {
  const roles = new Set<DeskRole>();
  if (p) for (const g of p.grants) if ((DESK_ROLES as readonly string[]).includes(g.role) && d.unitPath.startsWith(g.unitPath)) roles.add(g.role as DeskRole);
  return { userId: p?.userId ?? null, roles, isApplicant: isApplicantSide(p, d) };
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
