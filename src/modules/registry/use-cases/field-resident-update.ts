// A person's details changed in the field: applied only on the version the device started from (see
// field-household-update.ts). The phone follows the citizens' rule; the ID number never travels to devices.
import type { Queryable } from "../../../platform/db/database.ts";
import { searchKey as searchKeyOf } from "../../../platform/text/search-key.ts";
import {
  checkPerson,
  type FieldWriteResult,
  type FieldWriter,
  lockVisibleHousehold,
  RESIDENT_FIELDS,
  type ResidentChanges,
  sameValue,
} from "./field-common.ts";

type Row = {
  id: string;
  household_id: string;
  version: number;
  full_name: string;
  birth_year: number;
  birth_date: string | null;
  sex: string | null;
  phone: string | null;
  flags: string[];
  relation_to_head: string;
};

export async function applyFieldResidentUpdate(
  q: Queryable,
  w: FieldWriter,
  input: { residentId: string; baseVersion: number; changes: ResidentChanges; thisYear: number },
): Promise<FieldWriteResult> {
  const found = await q.query<{ household_id: string | null }>("SELECT household_id FROM residents WHERE id = $1 AND archived_at IS NULL", [input.residentId]);
  const householdId = found.rows[0]?.household_id;
  if (!householdId) return { outcome: "notFound" };
  // The household's lock orders concurrent edits of its members too.
  const h = await lockVisibleHousehold(q, w.principal, householdId);
  if (!h) return { outcome: "notFound" };
  const { rows } = await q.query<Row>(
    `SELECT id, household_id, version, full_name, birth_year, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex, phone, flags, relation_to_head
     FROM residents WHERE id = $1 AND household_id = $2 AND archived_at IS NULL FOR UPDATE`,
    [input.residentId, householdId],
  );
  const r = rows[0];
  if (!r) return { outcome: "notFound" };
  const checked = checkPerson(input.changes, "changes.", input.thisYear);
  if (!("ok" in checked)) return checked;
  const changes = checked.value;
  const server = { fullName: r.full_name, birthYear: r.birth_year, sex: r.sex, phone: r.phone, flags: r.flags, relationToHead: r.relation_to_head };
  const changed = RESIDENT_FIELDS.filter(
    (f) => f in changes && !sameValue(f === "flags" ? [...(changes.flags ?? [])].sort() : changes[f], f === "flags" ? [...server.flags].sort() : server[f]),
  );
  if (changed.length === 0) return { outcome: "applied", householdId, version: r.version };
  if (r.version !== input.baseVersion)
    return { outcome: "conflict", householdId, communeCode: h.commune_code, unitPath: h.unit_path, serverVersion: r.version, serverState: server };
  if (changed.includes("birthYear") && r.birth_date && Number(r.birth_date.slice(0, 4)) !== changes.birthYear)
    return { outcome: "invalid", field: "changes.birthYear", message: "registryField.birthYearDate" };
  const next = { ...server, ...Object.fromEntries(changed.map((f) => [f, changes[f]])) } as typeof server;
  const updated = await q.query<{ version: number }>(
    `UPDATE residents SET full_name = $2, search_name = $3, birth_year = $4, sex = $5, phone = $6, flags = $7, relation_to_head = $8,
       version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    [r.id, next.fullName, searchKeyOf(next.fullName), next.birthYear, next.sex, next.phone, next.flags, next.relationToHead],
  );
  const version = updated.rows[0]!.version;
  await w.events.publish(q, {
    type: "resident.fieldUpdated",
    actor: w.actor,
    target: { type: "resident", id: r.id },
    adminUnitCode: h.commune_code,
    requestId: w.requestId,
    details: { householdId, fields: changed, version },
  });
  return { outcome: "applied", householdId, version };
}
