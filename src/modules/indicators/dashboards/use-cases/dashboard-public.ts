// The public page: for a commune or a province, the indicators each set marks public, this period and the one before.
// No sign-in; nothing personal (only sums). A village or an unknown code: 404.
import type { Deps } from "../../../../deps.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type * as repo from "../../indicators.repository.ts";
import { type Period, previousPeriod } from "../../periods.ts";
import type { ResolvedSet } from "../../set-store.ts";
import { computeIndicators, type IndicatorValue, type UnitResult } from "../../use-cases/indicators-compute.ts";
import { ancestorsOf, choosePeriod, loadUnit, provinceOf, todayOf } from "./dashboard-scope.ts";
import { setsForProvince } from "../../set-store.ts";

export type PublicSet = { set: ResolvedSet; rows: { key: string; name: string; nameEn: string; current: IndicatorValue; previous: IndicatorValue }[] };
export type PublicUnitView = { unit: repo.UnitRef; ancestors: repo.UnitRef[]; period: Period; previous: Period; asOf: Date | null; sets: PublicSet[] };

export async function publicUnitIndicators(deps: Pick<Deps, "db" | "clock">, code: string, periodCode: string | undefined): Promise<PublicUnitView> {
  const unit = await loadUnit(deps, code);
  if (unit.level === "village") throw new AppError("not_found", "error.notFound");
  const period = choosePeriod(deps, periodCode);
  const previous = previousPeriod(period, todayOf(deps));
  const sets = (await setsForProvince(deps, provinceOf(unit))).filter((s) => s.compiled.some((i) => i.public));
  let asOf: Date | null = null;
  const out: PublicSet[] = [];
  for (const set of sets) {
    const [now, before] = await Promise.all([
      computeIndicators(deps, { set, unit, period, by: "self" }),
      computeIndicators(deps, { set, unit, period: previous, by: "self" }),
    ]);
    asOf = now.asOf;
    const cur = now.rows[0] as UnitResult;
    const prev = before.rows[0] as UnitResult;
    out.push({
      set,
      rows: set.compiled
        .filter((i) => i.public)
        .map((i) => ({
          key: i.key,
          name: i.name,
          nameEn: i.nameEn,
          current: cur.indicators.find((v) => v.key === i.key) as IndicatorValue,
          previous: prev.indicators.find((v) => v.key === i.key) as IndicatorValue,
        })),
    });
  }
  return { unit, ancestors: await ancestorsOf(deps, unit), period, previous, asOf, sets: out };
}
