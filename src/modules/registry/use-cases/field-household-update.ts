// A household's address or poverty status changed in the field. Applied only on the version the device started
// from; otherwise nothing is written and both sides go back to the caller, to be kept for a team leader.
import type { Queryable } from "../../../platform/db/database.ts";
import {
  cleanAddress,
  type FieldWriteResult,
  type FieldWriter,
  HOUSEHOLD_FIELDS,
  type HouseholdChanges,
  lockVisibleHousehold,
  sameValue,
} from "./field-common.ts";

export async function applyFieldHouseholdUpdate(
  q: Queryable,
  w: FieldWriter,
  input: { householdId: string; baseVersion: number; changes: HouseholdChanges },
): Promise<FieldWriteResult> {
  const h = await lockVisibleHousehold(q, w.principal, input.householdId);
  if (!h) return { outcome: "notFound" };
  const changes = { ...input.changes };
  if (changes.address !== undefined) {
    changes.address = cleanAddress(changes.address);
    if (!changes.address) return { outcome: "invalid", field: "changes.address", message: "registryField.addressRequired" };
  }
  const server = { address: h.address, poverty: h.poverty };
  const changed = HOUSEHOLD_FIELDS.filter((f) => f in changes && !sameValue(changes[f], server[f]));
  // Nothing to change (the device proposes what the server already holds): no conflict whatever the base.
  if (changed.length === 0) return { outcome: "applied", householdId: h.id, version: h.version };
  if (h.version !== input.baseVersion)
    return { outcome: "conflict", householdId: h.id, communeCode: h.commune_code, unitPath: h.unit_path, serverVersion: h.version, serverState: server };
  const { rows } = await q.query<{ version: number }>(
    `UPDATE households SET address = CASE WHEN $2 THEN $3 ELSE address END, poverty = CASE WHEN $4 THEN $5 ELSE poverty END,
       version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    [h.id, changed.includes("address"), changes.address ?? null, changed.includes("poverty"), changes.poverty ?? null],
  );
  const version = rows[0]!.version;
  await w.events.publish(q, {
    type: "household.fieldUpdated",
    actor: w.actor,
    target: { type: "household", id: h.id },
    adminUnitCode: h.commune_code,
    requestId: w.requestId,
    details: { fields: changed, version },
  });
  return { outcome: "applied", householdId: h.id, version };
}
