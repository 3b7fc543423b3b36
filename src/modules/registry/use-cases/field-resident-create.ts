// A person added in the field to a household the sender sees, with an id made on the device.
import type { Queryable } from "../../../platform/db/database.ts";
import { checkPerson, type FieldWriteResult, type FieldWriter, lockVisibleHousehold } from "./field-common.ts";
import { type FieldMember, insertFieldResident } from "./field-household-create.ts";

export async function createFieldResident(
  q: Queryable,
  w: FieldWriter,
  input: { resident: FieldMember & { householdId: string }; thisYear: number },
): Promise<FieldWriteResult> {
  const h = await lockVisibleHousehold(q, w.principal, input.resident.householdId);
  if (!h) return { outcome: "notFound" };
  const checked = checkPerson(input.resident, "resident.", input.thisYear);
  if (!("ok" in checked)) return checked;
  const m = checked.value;
  if ((await q.query("SELECT 1 FROM residents WHERE id = $1", [m.id])).rowCount) return { outcome: "exists", field: "resident.id" };
  await insertFieldResident(q, m, { householdId: h.id, communeCode: h.commune_code, villageCode: h.village_code, unitPath: h.unit_path }, w.principal.userId);
  await w.events.publish(q, {
    type: "resident.fieldCreated",
    actor: w.actor,
    target: { type: "resident", id: m.id },
    adminUnitCode: h.commune_code,
    requestId: w.requestId,
    details: { householdId: h.id },
  });
  return { outcome: "applied", householdId: h.id, version: 1 };
}
