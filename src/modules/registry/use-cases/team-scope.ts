// Who may do what with a team: commune admins (team.manage) everything in their units; a team leader reads and
// assigns within the team they lead; anyone else is told the team does not exist (404).
import type { Deps } from "../../../deps.ts";
import { can, holdsRole, type Principal } from "../../../platform/auth/authorise.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { principalOfUser } from "../../identity/index.ts";
import * as repo from "../teams/teams.repository.ts";

export type Ctx = Context & { principal: Principal | null };
export type Team = repo.TeamRow;

export const unitOfTeam = (t: Team) => ({ code: t.villageCode ?? t.communeCode, path: t.unitPath });

/** A commune admin (or above) over the team's unit. */
export const managesTeam = (p: Principal | null, t: Team) => can(p, "team.manage", unitOfTeam(t));
/** The team's own leader, while they hold the role on its unit. */
export const leadsTeam = (p: Principal | null, t: Team) => !!p && t.leaderUserId === p.userId && holdsRole(p, "team_leader", unitOfTeam(t));

export type TeamAccess = "manage" | "read" | "assign";

/**
 * The team if the caller may act on it: "manage" needs team.manage; "assign" team.manage or leading it;
 * "read" also lets officers who read the registry (registry.read) see it. Outside that: 404, or 403 for a
 * caller who may read the team but not change it. An archived team may be read, not changed.
 */
export async function loadTeam(q: Queryable, ctx: Ctx, id: string, access: TeamAccess, opts: { forUpdate?: boolean } = {}): Promise<Team> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!isUuid(id)) throw notFound();
  const team = await repo.findTeam(q, id, opts);
  if (!team) throw notFound();
  const manages = managesTeam(p, team);
  const leads = leadsTeam(p, team);
  const reads = manages || leads || can(p, "registry.read", unitOfTeam(team));
  if (!reads) throw notFound();
  if (access === "manage" && !manages) throw new AppError("forbidden", "error.forbidden");
  if (access === "assign" && !manages && !leads) throw new AppError("forbidden", "error.forbidden");
  if (access !== "read" && team.archivedAt) throw new AppError("conflict", "teams.error.archived");
  return team;
}

/**
 * A user who may join the team in `roles`: an enabled account holding one of them on the team's unit or above.
 * Otherwise a 400 naming `field` (an unknown id reads the same: the account is not confirmed to exist).
 */
export async function requireEligible(deps: Pick<Deps, "db">, team: Team, userId: string, roles: readonly Role[], field: string): Promise<Principal> {
  const user = await principalOfUser(deps, userId);
  if (!user || !roles.some((r) => holdsRole(user, r, unitOfTeam(team)))) {
    throw new AppError("validation", "error.validation", [
      { field, code: "not_eligible", message: roles.includes("volunteer") ? "teams.error.notVolunteer" : "teams.error.notLeader" },
    ]);
  }
  return user;
}

export const teamEvent = (ctx: Ctx, team: Team, type: string, details: Record<string, unknown> = {}) => ({
  type,
  actor: ctx.actor,
  target: { type: "team", id: team.id },
  adminUnitCode: team.villageCode ?? team.communeCode,
  requestId: ctx.requestId,
  details,
});
