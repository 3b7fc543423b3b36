// The only SQL on digital_teams, team_members and household_assignments. Household rows are read here only
// under the caller's householdVisibleSql condition.
import type { Queryable } from "../../../platform/db/database.ts";
import { type HouseholdAccess, householdVisibleSql } from "../household-access.ts";

export type TeamRow = {
  id: string;
  name: string;
  communeCode: string;
  villageCode: string | null;
  unitPath: string;
  unitName: string;
  leaderUserId: string | null;
  archivedAt: Date | null;
};
export type TeamListRow = TeamRow & { memberCount: number; householdCount: number };

const TEAM_COLUMNS = `t.id, t.name, t.commune_code AS "communeCode", t.village_code AS "villageCode", t.unit_path AS "unitPath",
  coalesce(u.name, t.commune_code) AS "unitName", t.leader_user_id AS "leaderUserId", t.archived_at AS "archivedAt"`;
const UNIT_JOIN = "LEFT JOIN admin_unit_refs u ON u.code = coalesce(t.village_code, t.commune_code)";

export async function findTeam(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<TeamRow | null> {
  const lock = opts.forUpdate ? " FOR UPDATE OF t" : "";
  const { rows } = await q.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM digital_teams t ${UNIT_JOIN} WHERE t.id = $1${lock}`, [id]);
  return rows[0] ?? null;
}

/** Teams under any of `paths`, or led by `leaderId`; with current member and assigned household counts. */
export async function listTeams(
  q: Queryable,
  opts: { paths: string[]; leaderId: string | null; commune?: string; withArchived: boolean },
): Promise<TeamListRow[]> {
  const { rows } = await q.query<TeamListRow>(
    `SELECT ${TEAM_COLUMNS},
       (SELECT count(*)::int FROM team_members m WHERE m.team_id = t.id AND m.left_at IS NULL) AS "memberCount",
       (SELECT count(*)::int FROM household_assignments a WHERE a.team_id = t.id) AS "householdCount"
     FROM digital_teams t ${UNIT_JOIN}
     WHERE (t.unit_path LIKE ANY($1::text[]) OR ($2::uuid IS NOT NULL AND t.leader_user_id = $2::uuid))
       AND ($3::text IS NULL OR t.commune_code = $3) AND ($4 OR t.archived_at IS NULL)
     ORDER BY t.archived_at NULLS FIRST, t.commune_code, coalesce(u.name, ''), t.name, t.id`,
    [opts.paths.map((p) => `${p}%`), opts.leaderId, opts.commune ?? null, opts.withArchived],
  );
  return rows;
}

export async function insertTeam(
  q: Queryable,
  t: { id: string; communeCode: string; villageCode: string | null; unitPath: string; name: string; leaderUserId: string | null; createdBy: string | null },
) {
  await q.query(`INSERT INTO digital_teams (id, commune_code, village_code, unit_path, name, leader_user_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    t.id,
    t.communeCode,
    t.villageCode,
    t.unitPath,
    t.name,
    t.leaderUserId,
    t.createdBy,
  ]);
}

export async function updateTeam(q: Queryable, id: string, set: { name?: string; leaderUserId?: string | null }) {
  await q.query(`UPDATE digital_teams SET name = coalesce($2, name), leader_user_id = CASE WHEN $3 THEN $4::uuid ELSE leader_user_id END WHERE id = $1`, [
    id,
    set.name ?? null,
    set.leaderUserId !== undefined,
    set.leaderUserId ?? null,
  ]);
}

export async function archiveTeam(q: Queryable, id: string): Promise<number> {
  await q.query("UPDATE digital_teams SET archived_at = now() WHERE id = $1 AND archived_at IS NULL", [id]);
  await q.query("UPDATE team_members SET left_at = now() WHERE team_id = $1 AND left_at IS NULL", [id]);
  const released = await q.query("DELETE FROM household_assignments WHERE team_id = $1", [id]);
  return released.rowCount ?? 0;
}

export type MemberRow = { userId: string; joinedAt: Date; householdCount: number };

export async function listMembers(q: Queryable, teamId: string): Promise<MemberRow[]> {
  const { rows } = await q.query<MemberRow>(
    `SELECT m.user_id AS "userId", m.joined_at AS "joinedAt",
       (SELECT count(*)::int FROM household_assignments a WHERE a.team_id = m.team_id AND a.member_user_id = m.user_id) AS "householdCount"
     FROM team_members m WHERE m.team_id = $1 AND m.left_at IS NULL ORDER BY m.joined_at, m.user_id`,
    [teamId],
  );
  return rows;
}

export async function isCurrentMember(q: Queryable, teamId: string, userId: string): Promise<boolean> {
  const { rowCount } = await q.query("SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2 AND left_at IS NULL", [teamId, userId]);
  return (rowCount ?? 0) > 0;
}

/** Adds a member, or brings back one who left; false when already a current member. */
export async function addMember(q: Queryable, teamId: string, userId: string): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)
     ON CONFLICT (team_id, user_id) DO UPDATE SET joined_at = now(), left_at = NULL WHERE team_members.left_at IS NOT NULL`,
    [teamId, userId],
  );
  return (rowCount ?? 0) > 0;
}

/** The member leaves; their households go back to the team. Returns how many went back, or null if not a member. */
export async function removeMember(q: Queryable, teamId: string, userId: string): Promise<number | null> {
  const left = await q.query("UPDATE team_members SET left_at = now() WHERE team_id = $1 AND user_id = $2 AND left_at IS NULL", [teamId, userId]);
  if (!left.rowCount) return null;
  const back = await q.query("UPDATE household_assignments SET member_user_id = NULL, assigned_at = now() WHERE team_id = $1 AND member_user_id = $2", [
    teamId,
    userId,
  ]);
  return back.rowCount ?? 0;
}

export async function unassignedToMember(q: Queryable, teamId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM household_assignments WHERE team_id = $1 AND member_user_id IS NULL", [teamId]);
  return rows[0]?.n ?? 0;
}

export type HouseholdTarget = { id: string; unitPath: string; villageCode: string; teamId: string | null; memberUserId: string | null };

/** The named households the caller may see, with their current assignment; ids not returned are unknown to the caller. */
export async function findHouseholds(q: Queryable, access: HouseholdAccess, ids: string[]): Promise<HouseholdTarget[]> {
  const params: unknown[] = [ids];
  const visible = householdVisibleSql(access, "h", params);
  const { rows } = await q.query<HouseholdTarget>(
    `SELECT h.id, h.unit_path AS "unitPath", h.village_code AS "villageCode", a.team_id AS "teamId", a.member_user_id AS "memberUserId"
     FROM households h LEFT JOIN household_assignments a ON a.household_id = h.id
     WHERE h.id = ANY($1::uuid[]) AND h.archived_at IS NULL AND ${visible} FOR UPDATE OF h`,
    params,
  );
  return rows;
}

/** A village's households with no assignment yet (or, with `ofTeam`, the team's not yet given to a member). */
export async function householdsOfVillage(q: Queryable, access: HouseholdAccess, villageCode: string, ofTeam: string | null): Promise<string[]> {
  const params: unknown[] = [villageCode, ofTeam];
  const visible = householdVisibleSql(access, "h", params);
  const { rows } = await q.query<{ id: string }>(
    `SELECT h.id FROM households h LEFT JOIN household_assignments a ON a.household_id = h.id
     WHERE h.village_code = $1 AND h.archived_at IS NULL
       AND CASE WHEN $2::uuid IS NULL THEN a.household_id IS NULL ELSE a.team_id = $2::uuid AND a.member_user_id IS NULL END
       AND ${visible}
     ORDER BY h.id FOR UPDATE OF h`,
    params,
  );
  return rows.map((r) => r.id);
}

export async function upsertAssignments(q: Queryable, ids: string[], teamId: string, memberUserId: string | null, by: string | null): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO household_assignments (household_id, team_id, member_user_id, assigned_by) SELECT unnest($1::uuid[]), $2, $3, $4
     ON CONFLICT (household_id) DO UPDATE SET team_id = excluded.team_id, member_user_id = excluded.member_user_id,
       assigned_by = excluded.assigned_by, assigned_at = now()
     WHERE household_assignments.team_id IS DISTINCT FROM excluded.team_id
        OR household_assignments.member_user_id IS DISTINCT FROM excluded.member_user_id`,
    [ids, teamId, memberUserId, by],
  );
  return rowCount ?? 0;
}

export async function deleteAssignment(q: Queryable, householdId: string): Promise<void> {
  await q.query("DELETE FROM household_assignments WHERE household_id = $1", [householdId]);
}

export type AssignedRow = {
  householdId: string;
  address: string;
  villageCode: string;
  villageName: string;
  headName: string | null;
  teamId: string;
  memberUserId: string | null;
  assignedAt: Date;
};

/** Assigned households the caller may see: a team's (optionally one member's), or everything given to `memberUserId`. */
export async function listAssigned(
  q: Queryable,
  access: HouseholdAccess,
  where: { teamId?: string; memberUserId?: string | null; villageCode?: string },
): Promise<AssignedRow[]> {
  const params: unknown[] = [where.teamId ?? null, where.memberUserId ?? null, where.villageCode ?? null];
  const visible = householdVisibleSql(access, "h", params);
  const { rows } = await q.query<AssignedRow>(
    `SELECT h.id AS "householdId", h.address, h.village_code AS "villageCode", coalesce(u.name, h.village_code) AS "villageName",
       r.full_name AS "headName", a.team_id AS "teamId", a.member_user_id AS "memberUserId", a.assigned_at AS "assignedAt"
     FROM household_assignments a
     JOIN households h ON h.id = a.household_id AND h.archived_at IS NULL
     JOIN digital_teams t ON t.id = a.team_id AND t.archived_at IS NULL
     LEFT JOIN residents r ON r.id = h.head_id
     LEFT JOIN admin_unit_refs u ON u.code = h.village_code
     WHERE ($1::uuid IS NULL OR a.team_id = $1) AND ($2::uuid IS NULL OR a.member_user_id = $2) AND ($3::text IS NULL OR h.village_code = $3)
       AND ${visible}
     ORDER BY coalesce(u.name, ''), h.village_code, h.address, h.id`,
    params,
  );
  return rows;
}

export type UnassignedRow = { householdId: string; address: string; villageCode: string; villageName: string; headName: string | null };

/** Households of an area with no team yet, that the caller may see; at most `limit`, in village and address order. */
export async function listUnassigned(q: Queryable, access: HouseholdAccess, unitPath: string, limit: number): Promise<UnassignedRow[]> {
  const params: unknown[] = [`${unitPath}%`, limit];
  const visible = householdVisibleSql(access, "h", params);
  const { rows } = await q.query<UnassignedRow>(
    `SELECT h.id AS "householdId", h.address, h.village_code AS "villageCode", coalesce(u.name, h.village_code) AS "villageName", r.full_name AS "headName"
     FROM households h
     LEFT JOIN household_assignments a ON a.household_id = h.id
     LEFT JOIN residents r ON r.id = h.head_id
     LEFT JOIN admin_unit_refs u ON u.code = h.village_code
     WHERE a.household_id IS NULL AND h.archived_at IS NULL AND h.unit_path LIKE $1 AND ${visible}
     ORDER BY coalesce(u.name, ''), h.village_code, h.address, h.id LIMIT $2`,
    params,
  );
  return rows;
}

/** Whether a commune has any team yet: a count, no one's data (the demo seed runs once on it). */
export async function communeHasTeams(q: Queryable, communeCode: string): Promise<boolean> {
  const { rowCount } = await q.query("SELECT 1 FROM digital_teams WHERE commune_code = $1 LIMIT 1", [communeCode]);
  return (rowCount ?? 0) > 0;
}
