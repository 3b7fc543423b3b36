// A person added in the field to a household the sender sees, with an id made on the device.
import type { Queryable } from "../../../platform/db/database.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { checkPerson, type FieldWriteResult, type FieldWriter, lockVisibleHousehold } from "./field-common.ts";
import type { FieldMember } from "./field-household-create.ts";

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
  await q.query(
    `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name, birth_year, sex, phone, flags, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      m.id,
      h.id,
      h.commune_code,
      h.village_code,
      h.unit_path,
      m.relationToHead,
      m.fullName,
      searchKey(m.fullName),
      m.birthYear,
      m.sex ?? null,
      m.phone ?? null,
      m.flags ?? [],
      w.principal.userId,
    ],
  );
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
