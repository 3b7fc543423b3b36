// A dossier as the fee's owner (payments) needs it: by id or by the code a bank transfer carries.
// Callers check who may see it; these only read.
import type { Queryable } from "../../../platform/db/database.ts";
import type { DossierRow } from "../dossiers.model.ts";
import { findByCode, findById } from "../dossiers.repository.ts";
import { isUuid } from "../../../platform/db/uuid.ts";

/** Null for a missing or malformed id. With lock, the row stays locked until the caller's transaction ends. */
export async function findDossierForFee(q: Queryable, dossierId: string, opts: { lock?: boolean } = {}): Promise<DossierRow | null> {
  return isUuid(dossierId) ? findById(q, dossierId, opts.lock ?? false) : null;
}

export const findDossierForFeeByCode = (q: Queryable, code: string): Promise<DossierRow | null> => findByCode(q, code);
