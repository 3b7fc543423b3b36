// Factories for the household registry and the digital teams: rows written directly, so tests of one part (coverage,
// sync, campaigns) need not drive another part's pages. Ids are uuids, as a device would make them.
import { randomUUID } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { getAdminUnit } from "../../src/modules/admin-units/index.ts";
import { searchKey } from "../../src/platform/text/search-key.ts";
import { buildVillage, GIA_PHU } from "./factories.ts";

export type ResidentSeed = {
  fullName?: string;
  birthYear?: number;
  birthDate?: string;
  sex?: "male" | "female";
  phone?: string | null;
  citizenIdNumber?: string | null;
  relationToHead?: string;
  flags?: string[];
  userId?: string | null;
};

async function unitOf(deps: Deps, code: string) {
  const u = await getAdminUnit(deps, code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

/** A village of GIA_PHU (or the given commune) to put households in. */
export async function buildRegistryVillage(deps: Deps, communeCode = GIA_PHU) {
  const v = await buildVillage(deps, communeCode);
  return v.code;
}

/** A household with its members; the first member is the head. */
export async function buildHousehold(
  deps: Deps,
  opts: { villageCode: string; address?: string; poverty?: "poor" | "near_poor" | null; members?: ResidentSeed[] },
) {
  const village = await unitOf(deps, opts.villageCode);
  const communeCode = village.parentCode as string;
  const id = randomUUID();
  const members = opts.members ?? [{}];
  const residentIds: string[] = [];
  await deps.db.tx(async (q) => {
    await q.query("INSERT INTO households (id, commune_code, village_code, unit_path, address, poverty) VALUES ($1, $2, $3, $4, $5, $6)", [
      id,
      communeCode,
      village.code,
      village.path,
      opts.address ?? `Số ${Math.floor(Math.random() * 200) + 1}, ${village.name}`,
      opts.poverty ?? null,
    ]);
    for (const [i, m] of members.entries()) {
      const rid = randomUUID();
      const fullName = m.fullName ?? `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}${randomUUID().slice(0, 4)}`;
      const birthYear = m.birthDate ? Number(m.birthDate.slice(0, 4)) : (m.birthYear ?? 1980 - i * 3);
      await q.query(
        `INSERT INTO residents (id, household_id, commune_code, village_code, unit_path, relation_to_head, full_name, search_name,
           birth_date, birth_year, sex, phone, citizen_id_number, flags, user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          rid,
          id,
          communeCode,
          village.code,
          village.path,
          m.relationToHead ?? (i === 0 ? "head" : "child"),
          fullName,
          searchKey(fullName),
          m.birthDate ?? null,
          birthYear,
          m.sex ?? (i % 2 ? "female" : "male"),
          m.phone ?? null,
          m.citizenIdNumber ?? null,
          m.flags ?? [],
          m.userId ?? null,
        ],
      );
      residentIds.push(rid);
    }
    await q.query("UPDATE households SET head_id = $2 WHERE id = $1", [id, residentIds[0]]);
  });
  return { id, villageCode: village.code, communeCode, residentIds };
}

/** A team with a leader and members (users who already hold team_leader / volunteer grants). */
export async function buildTeam(
  deps: Deps,
  opts: { communeCode?: string; villageCode?: string | null; name?: string; leaderUserId?: string | null; memberUserIds?: string[] },
) {
  const communeCode = opts.communeCode ?? GIA_PHU;
  const unit = await unitOf(deps, opts.villageCode ?? communeCode);
  const id = randomUUID();
  await deps.db.tx(async (q) => {
    await q.query("INSERT INTO digital_teams (id, commune_code, village_code, unit_path, name, leader_user_id) VALUES ($1, $2, $3, $4, $5, $6)", [
      id,
      communeCode,
      opts.villageCode ?? null,
      unit.path,
      opts.name ?? `Tổ ${randomUUID().slice(0, 4)}`,
      opts.leaderUserId ?? null,
    ]);
    for (const uid of new Set([...(opts.leaderUserId ? [opts.leaderUserId] : []), ...(opts.memberUserIds ?? [])])) {
      await q.query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)", [id, uid]);
    }
  });
  return { id };
}

/** Gives households to a team, and to one of its members when named. */
export async function assignHouseholds(deps: Deps, householdIds: string[], teamId: string, memberUserId: string | null = null) {
  await deps.db.query(
    `INSERT INTO household_assignments (household_id, team_id, member_user_id) SELECT unnest($1::uuid[]), $2, $3
     ON CONFLICT (household_id) DO UPDATE SET team_id = excluded.team_id, member_user_id = excluded.member_user_id, assigned_at = now()`,
    [householdIds, teamId, memberUserId],
  );
}
