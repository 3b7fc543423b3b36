// One team: its leader, members with how many households each looks after, and who could still join.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { displayNames, usersWithRole } from "../../identity/index.ts";
import { householdAccess } from "../household-access.ts";
import * as repo from "../teams/teams.repository.ts";
import { type Ctx, leadsTeam, loadTeam, managesTeam, type Team } from "./team-scope.ts";

export type TeamMember = { userId: string; displayName: string; isLeader: boolean; joinedAt: Date; householdCount: number };
export type TeamDetail = Team & {
  leaderName: string | null;
  members: TeamMember[];
  memberCount: number;
  householdCount: number;
  unassignedToMember: number;
  /** What the caller may do here. */
  may: { manage: boolean; assign: boolean };
  /** For a commune admin: households of the team's area with no team yet (the first UNASSIGNED_SHOWN). */
  unassigned: repo.UnassignedRow[];
};

export const UNASSIGNED_SHOWN = 200;

export type TeamReadOptions = {
  /** Also list the area's households with no team (the team page's assign form). */
  withUnassigned?: boolean;
  /** false: the caller records the page's one read itself. */
  record?: boolean;
};

export async function getTeam(deps: Pick<Deps, "db" | "events">, ctx: Ctx, teamId: string, opts: TeamReadOptions = {}): Promise<TeamDetail> {
  const team = await loadTeam(deps.db, ctx, teamId, "read");
  const [members, unassignedCount] = await Promise.all([repo.listMembers(deps.db, team.id), repo.unassignedToMember(deps.db, team.id)]);
  const names = await displayNames(deps.db, [team.leaderUserId, ...members.map((m) => m.userId)]);
  if (opts.record !== false)
    await recordPersonalDataRead(deps, ctx, {
      target: { type: "team", id: team.id },
      adminUnitCode: team.villageCode ?? team.communeCode,
    });
  const manage = managesTeam(ctx.principal, team) && !team.archivedAt;
  const unassigned = manage && opts.withUnassigned ? await repo.listUnassigned(deps.db, householdAccess(ctx.principal), team.unitPath, UNASSIGNED_SHOWN) : [];
  return {
    ...team,
    leaderName: team.leaderUserId ? (names.get(team.leaderUserId) ?? null) : null,
    members: members.map((m) => ({ ...m, displayName: names.get(m.userId) ?? m.userId, isLeader: m.userId === team.leaderUserId })),
    memberCount: members.length,
    householdCount: members.reduce((n, m) => n + m.householdCount, 0) + unassignedCount,
    unassignedToMember: unassignedCount,
    unassigned,
    may: { manage, assign: !team.archivedAt && (manage || leadsTeam(ctx.principal, team)) },
  };
}

/** Users who could join the team (volunteers and team leaders on its unit or above), and who could lead it. */
export async function teamCandidates(deps: Pick<Deps, "db">, team: Team, memberIds: readonly string[]) {
  const [volunteers, leaders] = await Promise.all([usersWithRole(deps, "volunteer", team.unitPath), usersWithRole(deps, "team_leader", team.unitPath)]);
  const seen = new Set<string>();
  const members = [...leaders, ...volunteers].filter((u) => !memberIds.includes(u.id) && !seen.has(u.id) && seen.add(u.id));
  return { members, leaders };
}
