// The teams of the caller's communes (or the teams they lead), with member and household counts. The list names
// leaders, so reading it is recorded as a read of personal data.
import type { Deps } from "../../../deps.ts";
import { scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { displayNames } from "../../identity/index.ts";
import * as repo from "../teams/teams.repository.ts";
import type { Ctx } from "./team-scope.ts";

export type TeamListItem = repo.TeamListRow & { leaderName: string | null };

export async function listTeams(deps: Pick<Deps, "db" | "events">, ctx: Ctx, opts: { commune?: string; withArchived?: boolean } = {}): Promise<TeamListItem[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = [...new Set([...scopePaths(p, "team.manage"), ...scopePaths(p, "registry.read")])];
  const leads = scopePaths(p, "team.assign").length > 0;
  if (paths.length === 0 && !leads) throw new AppError("forbidden", "error.forbidden");
  const rows = await repo.listTeams(deps.db, { paths, leaderId: leads ? p.userId : null, commune: opts.commune, withArchived: !!opts.withArchived });
  // A leader whose grant is gone no longer sees the team they were named to lead.
  const visible = rows.filter(
    (t) => paths.some((path) => t.unitPath.startsWith(path)) || scopePaths(p, "team.assign").some((path) => t.unitPath.startsWith(path)),
  );
  const names = await displayNames(
    deps.db,
    visible.map((t) => t.leaderUserId),
  );
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "teamList", id: null },
    adminUnitCode: opts.commune ?? null,
    details: { ...(opts.commune ? { commune: opts.commune } : {}), count: visible.length },
  });
  return visible.map((t) => ({ ...t, leaderName: t.leaderUserId ? (names.get(t.leaderUserId) ?? null) : null }));
}
