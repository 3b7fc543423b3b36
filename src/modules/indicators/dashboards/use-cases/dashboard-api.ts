// The IOC's reads: a set's values for a unit (itself or its children) and one indicator's trend, as JSON. The same
// computation and the same access rule as the dashboard pages.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { validationError } from "../../../../platform/http/app-error.ts";
import type * as repo from "../../indicators.repository.ts";
import type { Period } from "../../periods.ts";
import type { ResolvedSet } from "../../set-store.ts";
import { computeIndicators, type IndicatorValue, type SetResult, type UnitResult } from "../../use-cases/indicators-compute.ts";
import { type IndicatorTrendJson, type IndicatorValuesJson, TrendQuery, ValuesQuery } from "../dashboards.contract.ts";
import { chooseIndicator, choosePeriod, chooseSet, readableUnit, trendPeriods } from "./dashboard-scope.ts";

type D = Pick<Deps, "db" | "clock">;

const unitJson = (u: repo.UnitRef) => ({ code: u.code, level: u.level, name: u.name, nameEn: u.nameEn });
const periodJson = (p: Period) => ({ code: p.code, kind: p.kind, start: p.start, end: p.end });

function valueJson(set: ResolvedSet, v: IndicatorValue) {
  const def = set.compiled.find((i) => i.key === v.key);
  return { ...v, name: def?.name ?? v.key, nameEn: def?.nameEn ?? v.key };
}

export function setResultJson(r: SetResult): IndicatorValuesJson {
  return {
    set: { key: r.set.key, version: r.set.version, name: r.set.name, nameEn: r.set.nameEn },
    unit: unitJson(r.unit),
    period: periodJson(r.period),
    by: r.grouping,
    asOf: r.asOf ? r.asOf.toISOString() : null,
    rows: r.rows.map((row: UnitResult) => ({
      unit: unitJson(row.unit),
      index: row.index,
      indexMax: row.indexMax,
      indicators: row.indicators.map((v) => valueJson(r.set, v)),
      elements: row.elements,
    })),
  };
}

export async function readIndicatorValues(deps: D, p: Principal | null, raw: unknown): Promise<IndicatorValuesJson> {
  const parsed = ValuesQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const q = parsed.data;
  const unit = await readableUnit(deps, p, q.unit);
  const { set } = await chooseSet(deps, unit, q.set);
  const period = choosePeriod(deps, q.period);
  return setResultJson(await computeIndicators(deps, { set, unit, period, by: q.by }));
}

export async function readIndicatorTrend(deps: D, p: Principal | null, raw: unknown): Promise<IndicatorTrendJson> {
  const parsed = TrendQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const q = parsed.data;
  const unit = await readableUnit(deps, p, q.unit);
  const { set } = await chooseSet(deps, unit, q.set);
  const ind = chooseIndicator(set, q.indicator);
  const period = choosePeriod(deps, q.period);
  const results = await Promise.all(trendPeriods(deps, period, q.n).map((pp) => computeIndicators(deps, { set, unit, period: pp, by: "self" })));
  return {
    set: { key: set.key, version: set.version },
    unit: unitJson(unit),
    indicator: { key: ind.key, name: ind.name, nameEn: ind.nameEn, unit: ind.unit },
    asOf: results[results.length - 1]?.asOf?.toISOString() ?? null,
    points: results.map((r) => ({
      period: periodJson(r.period),
      value: valueJson(set, (r.rows[0] as UnitResult).indicators.find((v) => v.key === ind.key) as IndicatorValue),
    })),
  };
}
