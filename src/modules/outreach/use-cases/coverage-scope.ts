// Whose households a coverage read covers: a unit the viewer holds coverage.read on (outside every grant: 404),
// and within it the households the registry's access rule shows them (a team leader: their teams' only).
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { householdAccess, householdVisibleSql } from "../../registry/index.ts";

export type D = Pick<Deps, "db" | "config" | "clock">;
export type CoverageContext = Context & { principal: Principal | null };

export type CoverageScope = {
  principal: Principal;
  unit: AdminUnitRow;
  /** The viewer sees every household of the unit (an officer): the rollups answer. */
  whole: boolean;
  /** The access condition on alias h (household_refs) and its parameters. */
  visibleSql: string;
  params: unknown[];
};

export async function coverageScope(deps: D, ctx: CoverageContext, unitCode: string | undefined): Promise<CoverageScope> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  let code = unitCode;
  if (!code) {
    const grant = p.grants.find((g) => scopePaths({ ...p, grants: [g] }, "coverage.read").length > 0);
    if (!grant) throw new AppError("forbidden", "error.forbidden");
    code = grant.unitCode;
  }
  const unit = await getAdminUnit(deps, code);
  authorise(p, "coverage.read", unit);
  const access = householdAccess(p);
  const params: unknown[] = [];
  const visibleSql = householdVisibleSql(access, "h", params);
  return { principal: p, unit, whole: access.allPaths.some((prefix) => unit.path.startsWith(prefix)), visibleSql, params };
}

/** Today in Vietnam, the day before which a last visit is old, and the last birth year of an adult. */
export function coverageDates(deps: Pick<Deps, "clock">, staleDays: number) {
  const today = toLocalDay(deps.clock.now());
  const staleBefore = new Date(Date.parse(`${today}T00:00:00Z`) - staleDays * 86_400_000).toISOString().slice(0, 10);
  return { today, staleBefore, adultBornBy: Number(today.slice(0, 4)) - 18 };
}
