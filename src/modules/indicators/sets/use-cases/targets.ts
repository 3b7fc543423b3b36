// Targets (chỉ tiêu) per unit and year for one indicator of a set: the province and each of its communes. Read with
// indicator.read, written with indicator.manage on the province; each write is one indicatorTarget.set event
// listing the units whose target changed. A target is in the indicator's own unit (%, count, points).
import type { Deps } from "../../../../deps.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { childUnits, type UnitRef } from "../../indicators.repository.ts";
import type { CompiledIndicator } from "../../set-definition.ts";
import { type ResolvedSet, setForProvince } from "../../set-store.ts";
import { provinceAccess, type SetsCtx } from "../sets-access.ts";
import * as repo from "../sets.repository.ts";

type D = Pick<Deps, "db">;

export type TargetsView = {
  province: UnitRef;
  set: ResolvedSet;
  indicator: CompiledIndicator;
  year: number;
  /** The province first, then its communes by name. */
  units: { unit: UnitRef; target: number | null }[];
};

const bad = (field: string, message: FieldError["message"], params?: Record<string, string | number>) =>
  new AppError("validation", "error.validation", [{ field, code: "invalid", message, ...(params ? { params } : {}) }]);

export function checkYear(year: unknown): number {
  const y = typeof year === "string" && /^\d{4}$/.test(year) ? Number(year) : year;
  if (typeof y !== "number" || !Number.isInteger(y) || y < 2000 || y > 2100) throw bad("year", "indicators.sets.targets.badYear");
  return y;
}

function indicatorOf(set: ResolvedSet, key: string | null | undefined): CompiledIndicator {
  const ind = set.compiled.find((i) => i.key === key);
  if (!ind) throw bad("indicator", "indicators.sets.targets.unknownIndicator", { key: String(key ?? "") });
  return ind;
}

async function unitsOf(deps: D, province: UnitRef): Promise<UnitRef[]> {
  return [province, ...(await childUnits(deps.db, province.code))];
}

export async function readTargets(
  deps: D,
  ctx: SetsCtx,
  q: { province?: string | null; set: string; indicator?: string | null; year: number },
): Promise<TargetsView> {
  const province = await provinceAccess(deps, ctx.principal, q.province, "read");
  const set = await setForProvince(deps, province.code, q.set);
  const indicator = q.indicator ? indicatorOf(set, q.indicator) : (set.compiled[0] as CompiledIndicator);
  const year = checkYear(q.year);
  const units = await unitsOf(deps, province);
  const rows = await repo.targetsOf(
    deps.db,
    set.key,
    indicator.key,
    year,
    units.map((u) => u.code),
  );
  const byUnit = new Map(rows.map((r) => [r.unitCode, r.target] as const));
  return { province, set, indicator, year, units: units.map((u) => ({ unit: u, target: byUnit.get(u.code) ?? null })) };
}

export type TargetsInput = {
  province?: string | null;
  set: string;
  indicator: string;
  year: unknown;
  /** unit code → the target, or null to remove it. */
  targets: { unit: string; target: number | null }[];
};

/** The highest value a target of this indicator can take. */
const ceiling = (ind: CompiledIndicator): number =>
  ind.unit === "percent" ? 100 : ind.unit === "points" ? (ind.points ?? 0) : ind.unit === "ratio" ? 1000 : 1e9;

export async function setTargets(deps: Pick<Deps, "db" | "events" | "clock">, ctx: SetsCtx, input: TargetsInput): Promise<TargetsView> {
  const province = await provinceAccess(deps, ctx.principal, input.province, "manage");
  const set = await setForProvince(deps, province.code, input.set);
  const indicator = indicatorOf(set, input.indicator);
  const year = checkYear(input.year);
  const units = new Set((await unitsOf(deps, province)).map((u) => u.code));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const max = ceiling(indicator);
  input.targets.forEach((t, i) => {
    if (!units.has(t.unit))
      errors.push({ field: `targets.${i}.unit`, code: "unknown", message: "indicators.sets.targets.unknownUnit", params: { unit: t.unit } });
    else if (seen.has(t.unit))
      errors.push({ field: `targets.${i}.unit`, code: "duplicate", message: "indicators.sets.targets.duplicateUnit", params: { unit: t.unit } });
    seen.add(t.unit);
    if (t.target !== null && (!Number.isFinite(t.target) || t.target < 0 || t.target > max)) {
      errors.push({ field: `targets.${i}.target`, code: "range", message: "indicators.sets.targets.range", params: { max } });
    }
  });
  if (errors.length > 0) throw new AppError("validation", "error.validation", errors);
  await deps.db.tx(async (q) => {
    const changed = await repo.writeTargets(q, {
      setKey: set.key,
      indicatorKey: indicator.key,
      year,
      values: input.targets.map((t) => ({ unitCode: t.unit, target: t.target })),
      setBy: ctx.actor.userId,
      at: deps.clock.now(),
    });
    if (changed.length === 0) return;
    await deps.events.publish(q, {
      type: "indicatorTarget.set",
      actor: ctx.actor,
      target: { type: "indicatorTarget", id: `${set.key}/${indicator.key}/${year}` },
      adminUnitCode: province.code,
      requestId: ctx.requestId,
      details: { set: set.key, indicator: indicator.key, year, changes: changed },
    });
  });
  return readTargets(deps, ctx, { province: province.code, set: set.key, indicator: indicator.key, year });
}
