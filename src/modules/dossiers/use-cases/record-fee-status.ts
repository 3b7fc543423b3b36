// Payments own a fee's story; the dossier keeps a copy of its status for the queues and the figures.
import type { Queryable } from "../../../platform/db/database.ts";
import type { DossierRow } from "../dossiers.model.ts";
import { setFeeStatus } from "../dossiers.repository.ts";

/** Runs inside the caller's transaction, so the payment row and the dossier's copy change together. */
export async function recordFeeStatus(q: Queryable, dossierId: string, status: DossierRow["feeStatus"], now: Date): Promise<void> {
  await setFeeStatus(q, dossierId, status, now);
}
