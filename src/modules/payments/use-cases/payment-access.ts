// Who may act on a dossier's fee: the one-stop desk of its commune. Everyone else learns no more than
// the dossier pages would tell them (404 to strangers, 403 to those who may see the dossier).
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Deps } from "../../../deps.ts";
import { assertCanView, type DossierRow, findDossierForFee } from "../../dossiers/index.ts";
import { localYear } from "../../../platform/calendar/vietnam-time.ts";

export const deskUnit = (d: Pick<DossierRow, "communeCode" | "unitPath">) => ({ code: d.communeCode, path: d.unitPath });

export function authoriseDesk(p: Principal | null, d: DossierRow): Principal {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (can(p, "dossier.receive", deskUnit(d))) return p;
  assertCanView(p, d);
  throw new AppError("forbidden", "error.forbidden");
}

export const canConfirmPayments = (p: Principal | null, d: Pick<DossierRow, "communeCode" | "unitPath">) => can(p, "dossier.receive", deskUnit(d));

/** The dossier whose fee the desk acts on, once the principal is known to be its commune's desk. */
export async function loadForDesk(deps: Pick<Deps, "db">, p: Principal | null, dossierId: string): Promise<DossierRow> {
  const d = await findDossierForFee(deps.db, dossierId);
  if (!d) throw notFoundFor(p);
  authoriseDesk(p, d);
  return d;
}

/** A missing id and a malformed one look the same from outside; anonymous callers are asked to sign in. */
export function notFoundFor(p: Principal | null): AppError {
  return p ? new AppError("not_found", "error.notFound") : new AppError("unauthenticated", "error.unauthenticated");
}

/** The calendar year in Vietnam, which numbers the receipt books. */
export const vietnamYear = localYear;
