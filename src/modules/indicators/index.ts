/** Indicators computed from the work: sets, manual values with review, dashboards and exports (docs/indicators.md). */
export { indicatorPaths } from "./indicator-paths.ts";
export { type Period, type PeriodKind, parsePeriod, periodContaining } from "./periods.ts";
export { computeIndicators, type SetResult, type UnitResult, type IndicatorValue } from "./use-cases/indicators-compute.ts";
export { setsForProvince, setForProvince, shippedSets, type ResolvedSet } from "./set-store.ts";
export { refreshFacts, type RefreshOptions, type RefreshReport } from "./use-cases/facts-refresh.ts";
export { seedEntryDemo } from "./entry/entry-demo.ts";
