// The periods of communes and their state: the officer's entry list (indicator.enter: their communes, the current
// period and those before it) and the late-and-missing list (indicator.read or review: a province's communes or a
// commune's, ended periods only, late when past the due day and not submitted).
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import type { Permission } from "../../../../platform/auth/roles.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import * as indicatorsRepo from "../../indicators.repository.ts";
import type { Period } from "../../periods.ts";
import { setsForProvince } from "../../set-store.ts";
import { dueBy, duePeriods, elementsFor, isLate, manualElements, type PeriodState, periodState } from "../entry-rules.ts";
import * as repo from "../entry.repository.ts";
import { authoriseAny, communesWith, type EntryUnit } from "./entry-access.ts";

export type StatusRow = {
  unit: EntryUnit;
  period: Period;
  state: PeriodState;
  late: boolean;
  dueBy: string;
  /** Elements due in the period, and how many of them are in each state (missing: no value yet). */
  due: number;
  counts: Record<PeriodState, number>;
};

async function statusRows(deps: Pick<Deps, "db" | "clock">, communes: EntryUnit[], endedOnly: boolean): Promise<StatusRow[]> {
  const today = toLocalDay(deps.clock.now());
  const out: StatusRow[] = [];
  const byProvince = new Map<string, EntryUnit[]>();
  for (const c of communes) byProvince.set(c.provinceCode, [...(byProvince.get(c.provinceCode) ?? []), c]);
  for (const [province, units] of byProvince) {
    const elements = manualElements(await setsForProvince(deps, province));
    const periods = duePeriods(new Set(elements.map((e) => e.frequency)), today, { endedOnly });
    const statuses = await repo.statusesOf(
      deps.db,
      units.map((u) => u.code),
      periods.map((p) => p.code),
    );
    for (const unit of units) {
      for (const period of periods) {
        const due = elementsFor(elements, period.kind).map((e) => e.key);
        const mine = new Map(
          statuses
            .filter((s) => s.unitCode === unit.code && s.period === period.code && due.includes(s.elementKey))
            .map((s) => [s.elementKey, s.status] as const),
        );
        const state = periodState(due, mine);
        const counts: Record<PeriodState, number> = { missing: due.length - mine.size, draft: 0, submitted: 0, returned: 0, approved: 0 };
        for (const s of mine.values()) counts[s] += 1;
        out.push({ unit, period, state, late: isLate(state, period, today), dueBy: dueBy(period), due: due.length, counts });
      }
    }
  }
  return out;
}

/** The entry list: the officer's communes with the periods to enter, the current one first. */
export async function entryList(deps: Pick<Deps, "db" | "clock">, ctx: { principal: Principal | null }): Promise<StatusRow[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const communes = await communesWith(deps, p, "indicator.enter");
  if (communes.length === 0) throw new AppError("forbidden", "error.forbidden");
  return statusRows(deps, communes, false);
}

const STATUS_PERMISSIONS: readonly Permission[] = ["indicator.read", "indicator.review", "indicator.enter"];

/**
 * Late and missing entries of ended periods: for one unit (a province or a commune) when named, else for every
 * commune the person may see. filter "late" keeps late rows, "missing" rows with nothing entered.
 */
export async function entryStatus(
  deps: Pick<Deps, "db" | "clock">,
  ctx: { principal: Principal | null },
  opts: { unit?: string | undefined; filter?: "late" | "missing" | undefined } = {},
): Promise<StatusRow[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  let communes: EntryUnit[];
  if (opts.unit) {
    const unit = /^\d{2}(\d{3})?$/.test(opts.unit) ? await indicatorsRepo.unitRef(deps.db, opts.unit) : null;
    if (!unit || unit.level === "village") throw new AppError("not_found", "error.notFound");
    authoriseAny(p, STATUS_PERMISSIONS, unit);
    const province = unit.path.split("/").filter(Boolean)[0] ?? "";
    const units = unit.level === "commune" ? [unit] : await indicatorsRepo.childUnits(deps.db, unit.code);
    communes = units.map((u) => ({ ...u, communeCode: u.code, provinceCode: province }));
  } else {
    const seen = new Map<string, EntryUnit>();
    for (const perm of STATUS_PERMISSIONS) for (const c of await communesWith(deps, p, perm)) seen.set(c.code, c);
    communes = [...seen.values()];
    if (communes.length === 0) throw new AppError("forbidden", "error.forbidden");
  }
  const rows = await statusRows(deps, communes, true);
  return rows.filter((r) => (opts.filter === "late" ? r.late : opts.filter === "missing" ? r.state === "missing" : true));
}
