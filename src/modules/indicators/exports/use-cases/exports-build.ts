// What every export holds: a unit's indicators for one set or every set of its province, for a period, computed by
// computeIndicators (the one computation) for the unit itself or for each child. Access: indicator.read on the
// unit; another commune's unit is a 404. An unknown set is a 400 naming `set`.
import type { Deps } from "../../../../deps.ts";
import { authorise, type Principal } from "../../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import * as repo from "../../indicators.repository.ts";
import { type Period, parsePeriod } from "../../periods.ts";
import { type ResolvedSet, setsForProvince } from "../../set-store.ts";
import { computeIndicators, type SetResult } from "../../use-cases/indicators-compute.ts";

export type ReportData = { unit: repo.UnitRef; period: Period; by: repo.Grouping; results: SetResult[]; generatedAt: Date };
export type ReportRequest = { unit: string; set?: string | null; period: string; by?: repo.Grouping };

export const provinceOfPath = (path: string) => path.split("/").filter(Boolean)[0] as string;

/** The unit, or a 404 (unknown, or outside the principal's grants). */
export async function readableUnit(deps: Pick<Deps, "db">, principal: Principal | null, code: string): Promise<repo.UnitRef> {
  const unit = /^\d{2}(\d{3}(\.\d{1,4})?)?$/.test(code) ? await repo.unitRef(deps.db, code) : null;
  if (!unit) {
    if (!principal) throw new AppError("unauthenticated", "error.unauthenticated");
    throw new AppError("not_found", "error.notFound");
  }
  authorise(principal, "indicator.read", unit);
  return unit;
}

/** The sets named (a 400 naming `field` for an unknown key), or every set of the unit's province. */
export async function chosenSets(deps: Pick<Deps, "db">, unit: repo.UnitRef, keys: readonly string[], field = "set"): Promise<ResolvedSet[]> {
  const all = await setsForProvince(deps, provinceOfPath(unit.path));
  if (keys.length === 0) return all;
  const out: ResolvedSet[] = [];
  for (const k of keys) {
    const s = all.find((x) => x.key === k);
    if (!s)
      throw new AppError("validation", "error.validation", [
        { field, code: "unknown", message: "indicators.exports.unknownSet", params: { key: k.slice(0, 64) } },
      ]);
    out.push(s);
  }
  return out;
}

/** Every set's result for the report (no authorisation: callers check it). */
export async function computeReport(
  deps: Pick<Deps, "db" | "clock">,
  unit: repo.UnitRef,
  sets: ResolvedSet[],
  period: Period,
  by: repo.Grouping,
): Promise<ReportData> {
  const results: SetResult[] = [];
  // One after another: a province's report is a handful of sets, and the pool is shared with the office.
  for (const set of sets) results.push(await computeIndicators(deps, { set, unit, period, by }));
  return { unit, period, by, results, generatedAt: deps.clock.now() };
}

/** A download's data: checks access, the set and the period (not in the future), then computes. */
export async function buildReport(deps: Pick<Deps, "db" | "clock">, principal: Principal | null, req: ReportRequest): Promise<ReportData> {
  const unit = await readableUnit(deps, principal, req.unit);
  const period = parsePeriod(req.period, toLocalDay(deps.clock.now()));
  const sets = await chosenSets(deps, unit, req.set ? [req.set] : []);
  return computeReport(deps, unit, sets, period, req.by ?? "self");
}
