// The one computation every face shows (dashboards, public page, exports, API): a set's indicators for a unit and a
// period, or for each of its children. Element values are summed over the unit tree first (facts of villages and
// communes, approved manual values) and only then divided, so a province's share is never an average of shares.
import type { Deps } from "../../../deps.ts";
import { computedElement } from "../elements/element-catalogue.ts";
import { evaluate } from "../formula.ts";
import * as repo from "../indicators.repository.ts";
import type { Period } from "../periods.ts";
import type { CompiledIndicator } from "../set-definition.ts";
import type { ResolvedSet } from "../set-store.ts";

/** ok: a value; noSource: an element's module is not part of XãSố yet; noData: nothing to divide, or a manual value
 * not approved; notByVillage: the source counts per commune only. */
export type IndicatorStatus = "ok" | "noSource" | "noData" | "notByVillage";
export type Colour = "good" | "warn" | "bad";

export type IndicatorValue = {
  key: string;
  group: string | null;
  unit: CompiledIndicator["unit"];
  direction: "up" | "down";
  status: IndicatorStatus;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  points: number | null;
  target: number | null;
  colour: Colour | null;
  /** Manual elements without an approved value (what to chase). */
  missing: string[];
};

export type UnitResult = {
  unit: repo.UnitRef;
  indicators: IndicatorValue[];
  /** For an index set (Decision 766): the points scored, and the most the indicators with a value could score. */
  index: number | null;
  indexMax: number | null;
  /** Every element the set reads, as summed for this unit (null: no source or not entered). */
  elements: Record<string, number | null>;
};

export type SetResult = {
  set: ResolvedSet;
  unit: repo.UnitRef;
  period: Period;
  grouping: repo.Grouping;
  /** When the facts were last refreshed. */
  asOf: Date | null;
  /** One row for the unit itself (self), or one per child unit. */
  rows: UnitResult[];
  /**
   * With by: children on a province, the province itself, from the same sums: every fact and manual value of a
   * province belongs to one of its communes, so adding the communes' element values gives the province's exactly
   * (a commune's own facts that know no village are not in its villages' rows, so a commune gets no total).
   */
  total?: UnitResult;
};

export type ComputeInput = { set: ResolvedSet; unit: repo.UnitRef; period: Period; by: repo.Grouping };

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Green, amber or red from the thresholds, in the indicator's direction. */
export function colourOf(ind: Pick<CompiledIndicator, "thresholds" | "direction">, value: number | null): Colour | null {
  if (value === null || !ind.thresholds) return null;
  const { good, warn } = ind.thresholds;
  if (ind.direction === "up") return value >= good ? "good" : value >= warn ? "warn" : "bad";
  return value <= good ? "good" : value <= warn ? "warn" : "bad";
}

/** Every element key a set's formulas read. */
export function elementsOf(set: ResolvedSet): string[] {
  const keys = new Set<string>();
  for (const ind of set.compiled) {
    for (const k of ind.num.elements) keys.add(k);
    for (const k of ind.den?.elements ?? []) keys.add(k);
  }
  return [...keys];
}

/** The value of one indicator from the element values of one unit. */
export function indicatorValue(
  ind: CompiledIndicator,
  values: ReadonlyMap<string, number | null>,
  ctx: { village: boolean; manualKeys: ReadonlySet<string>; target: number | null },
): IndicatorValue {
  const used = [...ind.num.elements, ...(ind.den?.elements ?? [])];
  const base = { key: ind.key, group: ind.group ?? null, unit: ind.unit, direction: ind.direction, target: ctx.target };
  const empty = { value: null, numerator: null, denominator: null, points: null, colour: null };
  const missing = used.filter((k) => ctx.manualKeys.has(k) && values.get(k) == null);
  if (used.some((k) => computedElement(k)?.landed === false)) return { ...base, ...empty, status: "noSource", missing };
  if (ctx.village && used.some((k) => computedElement(k)?.level === "commune")) return { ...base, ...empty, status: "notByVillage", missing };
  const numerator = evaluate(ind.num.root, values);
  const denominator = ind.den ? evaluate(ind.den.root, values) : null;
  if (numerator === null || (ind.den && (denominator === null || denominator === 0))) {
    return { ...base, ...empty, numerator, denominator, status: "noData", missing };
  }
  const share = ind.den ? numerator / (denominator as number) : numerator;
  let value: number;
  let points: number | null = null;
  if (ind.unit === "percent") value = share * 100;
  else if (ind.unit === "points") {
    points = ind.points ?? 0;
    value = Math.min(Math.max(share, 0), 1) * points;
  } else value = share;
  value = round(value);
  return { ...base, status: "ok", value, numerator, denominator, points, colour: colourOf(ind, value), missing };
}

/** A set's indicators for a unit and a period: one row for the unit (by: self) or one per child (by: children). */
export async function computeIndicators(deps: Pick<Deps, "db">, input: ComputeInput): Promise<SetResult> {
  const { set, unit, period, by } = input;
  const keys = elementsOf(set);
  const computed = { sum: [] as string[], last: [] as string[] };
  const manual = { sum: [] as string[], last: [] as string[] };
  for (const k of keys) {
    const c = computedElement(k);
    if (c) {
      if (c.landed) computed[c.aggregation].push(k);
      continue;
    }
    const m = set.elements.find((e) => e.key === k);
    if (m) manual[m.aggregation].push(k);
  }
  const scope: repo.FactScope = { level: unit.level, code: unit.code };
  const [facts, manuals, children, asOf] = await Promise.all([
    repo.factTotals(deps.db, scope, by, computed, period.start, period.end),
    repo.manualTotals(deps.db, scope, by, manual, period.start, period.end),
    by === "children" ? repo.childUnits(deps.db, unit.code) : Promise.resolve([unit]),
    repo.factsAsOf(deps.db),
  ]);
  const rowsUnits = by === "children" && unit.level === "village" ? [unit] : children;
  const targets = await repo.targetsFor(
    deps.db,
    set.key,
    rowsUnits.map((u) => u.code),
    period.year,
  );
  const byUnit = new Map<string, Map<string, number | null>>();
  const valuesOf = (code: string) => {
    let m = byUnit.get(code);
    if (!m) {
      // Landed computed elements count zero when no fact was recorded; manual ones stay null until approved.
      m = new Map<string, number | null>([...computed.sum, ...computed.last].map((k) => [k, 0] as const));
      byUnit.set(code, m);
    }
    return m;
  };
  const selfCode = unit.code;
  for (const r of [...facts, ...manuals]) valuesOf(by === "self" ? selfCode : r.unitCode).set(r.elementKey, r.value);
  const rowOf = (u: repo.UnitRef, values: Map<string, number | null>, tg = targets): UnitResult => {
    const indicators = set.compiled.map((ind) =>
      indicatorValue(ind, values, { village: u.level === "village", manualKeys: set.manualKeys, target: tg.get(ind.key)?.get(u.code) ?? null }),
    );
    let index: number | null = null;
    let indexMax: number | null = null;
    if (set.index) {
      const scored = indicators.filter((i) => i.unit === "points" && i.status === "ok");
      index = scored.length > 0 ? round(scored.reduce((s, i) => s + (i.value ?? 0), 0)) : null;
      indexMax = scored.length > 0 ? scored.reduce((s, i) => s + (i.points ?? 0), 0) : null;
    }
    const elements: Record<string, number | null> = {};
    for (const k of keys) elements[k] = computedElement(k)?.landed === false ? null : (values.get(k) ?? null);
    return { unit: u, indicators, index, indexMax, elements };
  };
  const rows = rowsUnits.map((u) => rowOf(u, valuesOf(u.code)));
  let total: UnitResult | undefined;
  if (by === "children" && unit.level === "province") {
    const sums = new Map<string, number | null>([...computed.sum, ...computed.last].map((k) => [k, 0] as const));
    for (const r of [...facts, ...manuals]) sums.set(r.elementKey, (sums.get(r.elementKey) ?? 0) + r.value);
    const targetsSelf = await repo.targetsFor(deps.db, set.key, [unit.code], period.year);
    total = rowOf(unit, sums, targetsSelf);
  }
  return { set, unit, period, grouping: by, asOf, rows, ...(total ? { total } : {}) };
}
