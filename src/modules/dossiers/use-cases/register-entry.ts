// The register number a dossier gets when it is received (at the counter or from the online queue): the
// receipt (Mẫu 01) and the register (Mẫu 07) print the same "Quyển số" (the year's book) and "Số thứ tự".
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import * as repo from "../dossiers.repository.ts";

/**
 * Call last in the receiving transaction: the commune's counter row is held until it commits. A dossier that
 * already has an entry keeps it.
 */
export function takeRegisterEntry(q: Queryable, d: { id: string; communeCode: string }, receivedAt: Date): Promise<number | null> {
  return repo.takeRegisterEntry(q, d.id, d.communeCode, Number(toLocalDay(receivedAt).slice(0, 4)));
}
