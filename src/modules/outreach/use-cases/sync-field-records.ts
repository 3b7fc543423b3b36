// The households as the device holds them: the registry's records with the last visit and each person's skills.
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { listFieldHouseholds } from "../../registry/index.ts";

export type FieldRecord = Awaited<ReturnType<typeof fieldRecords>>[number];

export async function fieldRecords(q: Queryable, p: Principal, ids?: readonly string[]) {
  const households = await listFieldHouseholds(q, p, { assignedOnly: true, ...(ids ? { ids } : {}) });
  const householdIds = households.map((h) => h.id);
  const residentIds = households.flatMap((h) => h.residents.map((r) => r.id));
  const visits = await q.query<{ household_id: string; last: string }>(
    "SELECT household_id, to_char(max(visited_on), 'YYYY-MM-DD') AS last FROM visits WHERE household_id = ANY($1::uuid[]) GROUP BY household_id",
    [householdIds],
  );
  const skills = await q.query<{ resident_id: string; keys: string[] }>(
    "SELECT resident_id, array_agg(skill_key ORDER BY skill_key) AS keys FROM resident_skills WHERE resident_id = ANY($1::uuid[]) GROUP BY resident_id",
    [residentIds],
  );
  const last = new Map(visits.rows.map((r) => [r.household_id, r.last]));
  const skillsOf = new Map(skills.rows.map((r) => [r.resident_id, r.keys]));
  return households.map((h) => ({
    id: h.id,
    version: h.version,
    villageCode: h.villageCode,
    communeCode: h.communeCode,
    address: h.address,
    poverty: h.poverty,
    lastVisitOn: last.get(h.id) ?? null,
    residents: h.residents.map((r) => ({ ...r, skills: skillsOf.get(r.id) ?? [] })),
  }));
}
