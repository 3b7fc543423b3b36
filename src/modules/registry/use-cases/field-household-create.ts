// A household found on the way, with its members, made on the device with its own ids. It must lie in a village the
// sender's field grant covers; it is assigned to the sender's team there, and to the sender, so they keep seeing it.
import { can } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { checkPerson, cleanAddress, type FieldWriteResult, type FieldWriter, type ResidentChanges } from "./field-common.ts";

export type FieldMember = Required<Pick<ResidentChanges, "fullName" | "birthYear" | "relationToHead">> & ResidentChanges & { id: string };
export type FieldHousehold = { id: string; villageCode: string; address: string; poverty?: "poor" | "near_poor" | null; members: FieldMember[] };

export async function createFieldHousehold(q: Queryable, w: FieldWriter, input: { household: FieldHousehold; thisYear: number }): Promise<FieldWriteResult> {
  const p = w.principal;
  const hh = input.household;
  const { rows: units } = await q.query<{ code: string; parent_code: string; path: string }>(
    "SELECT code, parent_code, path FROM admin_unit_refs WHERE code = $1 AND level = 'village'",
    [hh.villageCode],
  );
  const village = units[0];
  if (!village || !can(p, "registry.fieldEdit", { code: village.code, path: village.path })) return { outcome: "notFound" };
  const address = cleanAddress(hh.address);
  if (!address) return { outcome: "invalid", field: "household.address", message: "registryField.addressRequired" };
  const members: FieldMember[] = [];
  for (const [i, m] of hh.members.entries()) {
    const checked = checkPerson(m, `household.members[${i}].`, input.thisYear);
    if (!("ok" in checked)) return checked;
    members.push(checked.value);
  }
  const heads = members.filter((m) => m.relationToHead === "head");
  if (heads.length > 1)
    return { outcome: "invalid", field: `household.members[${members.lastIndexOf(heads[1]!)}].relationToHead`, message: "registryField.oneHead" };
  const { rows: teams } = await q.query<{ id: string }>(
    `SELECT t.id FROM digital_teams t
     WHERE t.archived_at IS NULL AND $2 LIKE t.unit_path || '%'
       AND (t.leader_user_id = $1 OR EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.user_id = $1 AND m.left_at IS NULL))
     ORDER BY (t.village_code IS NOT NULL) DESC, t.created_at LIMIT 1`,
    [p.userId, village.path],
  );
  const team = teams[0];
  if (!team) return { outcome: "invalid", field: "household.villageCode", message: "registryField.noTeam" };
  if ((await q.query("SELECT 1 FROM households WHERE id = $1", [hh.id])).rowCount) return { outcome: "exists", field: "household.id" };
  const taken = await q.query<{ id: string }>("SELECT id FROM residents WHERE id = ANY($1::uuid[])", [members.map((m) => m.id)]);
  if (taken.rows.length) return { outcome: "exists", field: `household.members[${members.findIndex((m) => m.id === taken.rows[0]!.id)}].id` };

  await q.query(`INSERT INTO households (id, commune_code, village_code, unit_path, address, poverty, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    hh.id,
    village.parent_code,
    village.code,
    village.path,
    address,
    hh.poverty ?? null,
    p.userId,
  ]);
  const place = { householdId: hh.id, communeCode: village.parent_code, villageCode: village.code, unitPath: village.path };
  for (const m of members) await insertFieldResident(q, m, place, p.userId);
  const head = heads[0] ?? members[0];
  if (head) await q.query("UPDATE households SET head_id = $2 WHERE id = $1", [hh.id, head.id]);
  await q.query("INSERT INTO household_assignments (household_id, team_id, member_user_id, assigned_by) VALUES ($1, $2, $3, $3)", [hh.id, team.id, p.userId]);
  await w.events.publish(q, {
    type: "household.fieldCreated",
    actor: w.actor,
    target: { type: "household", id: hh.id },
    adminUnitCode: village.parent_code,
    requestId: w.requestId,
    details: { villageCode: village.code, members: members.length, teamId: team.id },
  });
  return { outcome: "applied", householdId: hh.id, version: 1 };
}

/** One person made in the field, written into a household at its place. */
export async function insertFieldResident(
  q: Queryable,
  m: FieldMember,
  place: { householdId: string; communeCode: string; villageCode: string; unitPath: string },
  userId: string,
): Promise<void> {
  await q.query(
    `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name, birth_year, sex, phone, flags, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      m.id,
      place.householdId,
      place.communeCode,
      place.villageCode,
      place.unitPath,
      m.relationToHead,
      m.fullName,
      searchKey(m.fullName),
      m.birthYear,
      m.sex ?? null,
      m.phone ?? null,
      m.flags ?? [],
      userId,
    ],
  );
}
