// The households a field worker carries on the device, with their members: compact, no ID numbers (data
// minimisation). Only what the caller's assignment gives (a volunteer's households, a team leader's teams'), even
// when they also hold an office grant, so the device never holds a whole commune.
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { householdAccess, householdVisibleSql } from "../household-access.ts";

export type FieldResidentRecord = {
  id: string;
  version: number;
  fullName: string;
  birthYear: number;
  sex: "male" | "female" | null;
  relationToHead: string;
  phone: string | null;
  flags: string[];
};
export type FieldHouseholdRecord = {
  id: string;
  version: number;
  villageCode: string;
  communeCode: string;
  address: string;
  poverty: "poor" | "near_poor" | null;
  residents: FieldResidentRecord[];
};

export async function listFieldHouseholds(
  q: Queryable,
  p: Principal,
  opts: { ids?: readonly string[]; assignedOnly?: boolean } = {},
): Promise<FieldHouseholdRecord[]> {
  const full = householdAccess(p);
  const access = opts.assignedOnly ? { ...full, allPaths: [] } : full;
  const params: unknown[] = [];
  const visible = householdVisibleSql(access, "h", params);
  let only = "";
  if (opts.ids) {
    params.push(opts.ids);
    only = `AND h.id = ANY($${params.length}::uuid[])`;
  }
  const { rows } = await q.query<{
    id: string;
    version: number;
    village_code: string;
    commune_code: string;
    address: string;
    poverty: FieldHouseholdRecord["poverty"];
    residents: FieldResidentRecord[] | null;
  }>(
    `SELECT h.id, h.version, h.village_code, h.commune_code, h.address, h.poverty,
       (SELECT json_agg(json_build_object('id', r.id, 'version', r.version, 'fullName', r.full_name, 'birthYear', r.birth_year, 'sex', r.sex,
                'relationToHead', r.relation_to_head, 'phone', r.phone, 'flags', r.flags)
              ORDER BY (r.relation_to_head = 'head') DESC, r.birth_year, r.id)
        FROM residents r WHERE r.household_id = h.id AND r.archived_at IS NULL) AS residents
     FROM households h WHERE h.archived_at IS NULL AND ${visible} ${only}
     ORDER BY h.village_code, h.address, h.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    villageCode: r.village_code,
    communeCode: r.commune_code,
    address: r.address,
    poverty: r.poverty,
    residents: r.residents ?? [],
  }));
}
