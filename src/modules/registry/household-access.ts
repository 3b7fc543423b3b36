// Who sees which household: the one rule every registry and outreach read goes through.
// Officers (registry.read) see every household under their grants; a volunteer sees the households assigned to
// them, a team leader those of the teams they lead (registry.readAssigned), and only while the grant, the team and
// the membership last: a revoked volunteer sees nothing, whatever their device still holds.
import { type Principal, scopePaths } from "../../platform/auth/authorise.ts";

export type HouseholdAccess = {
  /** Path prefixes under which every household is visible. */
  allPaths: string[];
  /** Path prefixes under which only the households assigned to `userId` (or to the teams they lead) are visible. */
  assignedPaths: string[];
  userId: string | null;
};

export function householdAccess(p: Principal | null): HouseholdAccess {
  return { allPaths: scopePaths(p, "registry.read"), assignedPaths: scopePaths(p, "registry.readAssigned"), userId: p?.userId ?? null };
}

export const seesNothing = (a: HouseholdAccess) => a.allPaths.length === 0 && (a.assignedPaths.length === 0 || !a.userId);

/**
 * A SQL condition true for the households `access` may see. `alias` names a row with the household's `id` and
 * `unit_path` (the households table or the household_refs view); the parameters are appended to `params`.
 */
export function householdVisibleSql(access: HouseholdAccess, alias: string, params: unknown[]): string {
  if (seesNothing(access)) return "false";
  params.push(access.allPaths.map((p) => `${p}%`));
  const all = `${alias}.unit_path LIKE ANY($${params.length}::text[])`;
  if (access.assignedPaths.length === 0 || !access.userId) return `(${all})`;
  params.push(access.assignedPaths.map((p) => `${p}%`));
  const within = `$${params.length}::text[]`;
  params.push(access.userId);
  const user = `$${params.length}::uuid`;
  return `(${all} OR (${alias}.unit_path LIKE ANY(${within}) AND EXISTS (
    SELECT 1 FROM household_assignments ha JOIN digital_teams dt ON dt.id = ha.team_id AND dt.archived_at IS NULL
    WHERE ha.household_id = ${alias}.id
      AND (dt.leader_user_id = ${user}
        OR (ha.member_user_id = ${user}
          AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = ha.team_id AND tm.user_id = ${user} AND tm.left_at IS NULL))))))`;
}
