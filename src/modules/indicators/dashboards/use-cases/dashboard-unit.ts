// A unit's dashboard: the set's indicators for the unit, its children ranked (a province's communes, a commune's
// villages) and the trend over the last periods. Every number comes from computeIndicators.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { validationError } from "../../../../platform/http/app-error.ts";
import type * as repo from "../../indicators.repository.ts";
import type { Period, PeriodKind } from "../../periods.ts";
import type { CompiledIndicator } from "../../set-definition.ts";
import type { ResolvedSet } from "../../set-store.ts";
import { computeIndicators, type IndicatorValue, type UnitResult } from "../../use-cases/indicators-compute.ts";
import { DashboardQuery } from "../dashboards.contract.ts";
import { ancestorsOf, chooseIndicator, choosePeriod, chooseSet, periodChoices, readableUnit, trendPeriods } from "./dashboard-scope.ts";

type D = Pick<Deps, "db" | "clock">;

export type TrendPoint = { period: Period; row: UnitResult };

export type UnitDashboard = {
  unit: repo.UnitRef;
  ancestors: repo.UnitRef[];
  sets: ResolvedSet[];
  set: ResolvedSet;
  period: Period;
  choices: { kind: PeriodKind; periods: Period[] }[];
  asOf: Date | null;
  self: UnitResult;
  /** Children ranked by `sortKey` (null: the set's index), best first, those without a value last. */
  children: UnitResult[];
  sortKey: string | null;
  trend: TrendPoint[];
};

/** The value a ranking reads for a row, signed so that larger is better. */
export function rankValue(row: UnitResult, ind: CompiledIndicator | null): number | null {
  if (!ind) return row.index;
  const v = row.indicators.find((i) => i.key === ind.key)?.value ?? null;
  return v === null ? null : ind.direction === "down" ? -v : v;
}

/** Best first; rows without a value after every row with one; ties by name. */
export function rankRows(rows: readonly UnitResult[], ind: CompiledIndicator | null): UnitResult[] {
  return [...rows].sort((a, b) => {
    const va = rankValue(a, ind);
    const vb = rankValue(b, ind);
    if (va === null && vb === null) return a.unit.name.localeCompare(b.unit.name, "vi");
    if (va === null) return 1;
    if (vb === null) return -1;
    return vb - va || a.unit.name.localeCompare(b.unit.name, "vi");
  });
}

export async function unitDashboard(deps: D, p: Principal | null, code: string, raw: unknown): Promise<UnitDashboard> {
  const unit = await readableUnit(deps, p, code);
  const parsed = DashboardQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const q = parsed.data;
  const { set, sets } = await chooseSet(deps, unit, q.set);
  const period = choosePeriod(deps, q.period);
  const sortInd = q.sort ? chooseIndicator(set, q.sort, "sort") : set.index ? null : (set.compiled[0] ?? null);
  const periods = trendPeriods(deps, period);
  // A province's own row comes with its communes' (the same sums): one scan of its facts fewer.
  const province = unit.level === "province";
  const [own, children, ...trend] = await Promise.all([
    province ? Promise.resolve(null) : computeIndicators(deps, { set, unit, period, by: "self" }),
    unit.level === "village" ? Promise.resolve(null) : computeIndicators(deps, { set, unit, period, by: "children" }),
    ...periods.slice(0, -1).map((pp) => computeIndicators(deps, { set, unit, period: pp, by: "self" })),
  ]);
  const self = (own ?? children) as NonNullable<typeof children>;
  const selfRow = (own ? own.rows[0] : children?.total) as UnitResult;
  return {
    unit,
    ancestors: await ancestorsOf(deps, unit),
    sets,
    set,
    period,
    choices: periodChoices(deps),
    asOf: self.asOf,
    self: selfRow,
    children: children ? rankRows(children.rows, sortInd) : [],
    sortKey: sortInd?.key ?? null,
    trend: [...trend.map((r) => ({ period: r.period, row: r.rows[0] as UnitResult })), { period, row: selfRow }],
  };
}

export const indicatorOf = (row: UnitResult, key: string): IndicatorValue | undefined => row.indicators.find((i) => i.key === key);
