// What every dashboard read starts with: the unit (outside the reader's grants: 404), the set (the province's first
// by default; an unknown key: 400 on "set"), the period (the current quarter by default; malformed or not begun: 400
// on "period"), and the periods a picker offers.
import type { Deps } from "../../../../deps.ts";
import { authorise, type Principal, scopePaths } from "../../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import * as repo from "../../indicators.repository.ts";
import { type Period, type PeriodKind, parsePeriod, periodContaining, trailingPeriods } from "../../periods.ts";
import type { CompiledIndicator } from "../../set-definition.ts";
import { type ResolvedSet, setsForProvince } from "../../set-store.ts";

type D = Pick<Deps, "db" | "clock">;

export const todayOf = (deps: Pick<Deps, "clock">) => toLocalDay(deps.clock.now());
export const provinceOf = (unit: repo.UnitRef) => unit.path.split("/").filter(Boolean)[0] as string;

/** A unit by code, or 404 (a code that is not a province, commune or village: 404 too). */
export async function loadUnit(deps: D, code: string): Promise<repo.UnitRef> {
  const unit = /^(\d{2}|\d{5}|\d{5}\.\d{3})$/.test(code) ? await repo.unitRef(deps.db, code) : null;
  if (!unit || !["province", "commune", "village"].includes(unit.level)) throw new AppError("not_found", "error.notFound");
  return unit;
}

/** A unit the principal may read indicators of (outside every grant: 404; a grant without indicator.read: 403). */
export async function readableUnit(deps: D, p: Principal | null, code: string): Promise<repo.UnitRef> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = await loadUnit(deps, code);
  authorise(p, "indicator.read", unit);
  return unit;
}

/** The unit of the officer's first grant with indicator.read (their own dashboard), or null. */
export function firstIndicatorUnit(p: Principal): string | null {
  const paths = new Set(scopePaths(p, "indicator.read"));
  return p.grants.find((g) => paths.has(g.unitPath) && /^(\d{2}|\d{5}|\d{5}\.\d{3})$/.test(g.unitCode))?.unitCode ?? null;
}

export async function chooseSet(deps: D, unit: repo.UnitRef, key: string | undefined): Promise<{ set: ResolvedSet; sets: ResolvedSet[] }> {
  const sets = await setsForProvince(deps, provinceOf(unit));
  const set = key ? sets.find((s) => s.key === key) : sets[0];
  if (!set) throw new AppError("validation", "error.validation", [{ field: "set", code: "unknown", message: "indicators.dashboards.error.set" }]);
  return { set, sets };
}

export function choosePeriod(deps: Pick<Deps, "clock">, code: string | undefined): Period {
  const today = todayOf(deps);
  return code ? parsePeriod(code, today) : periodContaining("quarter", today);
}

export function chooseIndicator(set: ResolvedSet, key: string, field = "indicator"): CompiledIndicator {
  const ind = set.compiled.find((i) => i.key === key);
  if (!ind) throw new AppError("validation", "error.validation", [{ field, code: "unknown", message: "indicators.dashboards.error.indicator" }]);
  return ind;
}

/** How many periods a trend shows: 6 months, 4 quarters, 3 years. */
export const TREND_LENGTH: Record<PeriodKind, number> = { month: 6, quarter: 4, year: 3, ytd: 3 };

export const trendPeriods = (deps: Pick<Deps, "clock">, period: Period, n = TREND_LENGTH[period.kind]) => trailingPeriods(period, n, todayOf(deps));

/** The periods a picker offers: the last 12 months, 8 quarters, 5 years and the year to date (none in the future). */
export function periodChoices(deps: Pick<Deps, "clock">): { kind: PeriodKind; periods: Period[] }[] {
  const today = todayOf(deps);
  return [
    { kind: "month", periods: trailingPeriods(periodContaining("month", today), 12, today).reverse() },
    { kind: "quarter", periods: trailingPeriods(periodContaining("quarter", today), 8, today).reverse() },
    { kind: "year", periods: trailingPeriods(periodContaining("year", today), 5, today).reverse() },
    { kind: "ytd", periods: [periodContaining("ytd", today)] },
  ];
}

/** The unit's ancestors, province first (breadcrumbs). */
export async function ancestorsOf(deps: D, unit: repo.UnitRef): Promise<repo.UnitRef[]> {
  const codes = unit.path
    .split("/")
    .filter(Boolean)
    .filter((c) => c !== unit.code);
  const out = await Promise.all(codes.map((c) => repo.unitRef(deps.db, c)));
  return out.filter((u): u is repo.UnitRef => !!u && ["province", "commune"].includes(u.level));
}
