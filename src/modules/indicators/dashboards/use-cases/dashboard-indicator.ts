// One indicator of a set for a unit: its trend over the last periods and its value for each child (a province's
// communes, a commune's villages) in the chosen period, with the elements whose records can be listed.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { validationError } from "../../../../platform/http/app-error.ts";
import type * as repo from "../../indicators.repository.ts";
import type { Period, PeriodKind } from "../../periods.ts";
import type { CompiledIndicator } from "../../set-definition.ts";
import type { ResolvedSet } from "../../set-store.ts";
import { computeIndicators, type IndicatorValue, type UnitResult } from "../../use-cases/indicators-compute.ts";
import { DashboardQuery } from "../dashboards.contract.ts";
import { recordsOf } from "./dashboard-records.ts";
import { ancestorsOf, chooseIndicator, choosePeriod, chooseSet, periodChoices, readableUnit, trendPeriods } from "./dashboard-scope.ts";
import { rankRows } from "./dashboard-unit.ts";

export type IndicatorDetail = {
  unit: repo.UnitRef;
  ancestors: repo.UnitRef[];
  set: ResolvedSet;
  indicator: CompiledIndicator;
  period: Period;
  choices: { kind: PeriodKind; periods: Period[] }[];
  asOf: Date | null;
  value: IndicatorValue;
  trend: { period: Period; value: IndicatorValue }[];
  children: { unit: repo.UnitRef; value: IndicatorValue }[];
  /** Elements of the indicator whose records can be listed (the indicator's own `records` first). */
  recordElements: string[];
};

export async function indicatorDetail(
  deps: Pick<Deps, "db" | "clock">,
  p: Principal | null,
  input: { unit: string; set: string; indicator: string },
  raw: unknown,
): Promise<IndicatorDetail> {
  const unit = await readableUnit(deps, p, input.unit);
  const parsed = DashboardQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { set } = await chooseSet(deps, unit, input.set);
  const indicator = chooseIndicator(set, input.indicator);
  const period = choosePeriod(deps, parsed.data.period);
  const periods = trendPeriods(deps, period);
  const [children, ...trend] = await Promise.all([
    unit.level === "village" ? Promise.resolve(null) : computeIndicators(deps, { set, unit, period, by: "children" }),
    ...periods.map((pp) => computeIndicators(deps, { set, unit, period: pp, by: "self" })),
  ]);
  const pick = (row: UnitResult) => row.indicators.find((i) => i.key === indicator.key) as IndicatorValue;
  const points = trend.map((r) => ({ period: r.period, value: pick(r.rows[0] as UnitResult) }));
  const elements = [indicator.records, ...indicator.num.elements, ...(indicator.den?.elements ?? [])].filter((k): k is string => !!k);
  return {
    unit,
    ancestors: await ancestorsOf(deps, unit),
    set,
    indicator,
    period,
    choices: periodChoices(deps),
    asOf: trend[trend.length - 1]?.asOf ?? null,
    value: (points[points.length - 1] as { value: IndicatorValue }).value,
    trend: points,
    children: children ? rankRows(children.rows, indicator).map((r) => ({ unit: r.unit, value: pick(r) })) : [],
    recordElements: [...new Set(elements)].filter((k) => recordsOf(k) !== null),
  };
}
