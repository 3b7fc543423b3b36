// One commune's period as the entry form shows it: every manual element due in the period (from the sets the
// province uses), with its value, state, the province's comment and its evidence.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { can } from "../../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../../platform/db/database.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { type Period, parsePeriod } from "../../periods.ts";
import { setsForProvince } from "../../set-store.ts";
import { type DueElement, dueBy, elementsFor, entryPeriod, isLate, manualElements, type PeriodState, periodState } from "../entry-rules.ts";
import * as repo from "../entry.repository.ts";
import { type EntryUnit, entryCommune } from "./entry-access.ts";

export type EntryLine = { element: DueElement; row: repo.ManualValueRow | null; evidence: repo.EvidenceRow[]; editable: boolean };
export type EntryForm = {
  unit: EntryUnit;
  period: Period;
  lines: EntryLine[];
  state: PeriodState;
  late: boolean;
  dueBy: string;
  canEnter: boolean;
  canReview: boolean;
};

/** A period from an address or a body: malformed or not begun → 400; a year to date is not entered → 400. */
export function checkEntryPeriod(code: string, today: string, field = "period"): Period {
  parsePeriod(code, today, field);
  const p = entryPeriod(code, today);
  if (!p) throw new AppError("validation", "error.validation", [{ field, code: "format", message: "indicators.entry.error.periodKind" }]);
  return p;
}

export const editableStatus = (s: repo.ValueStatus | undefined) => s === undefined || s === "draft" || s === "returned";

export async function loadEntry(deps: Pick<Deps, "db" | "clock">, q: Queryable, unit: EntryUnit, period: Period, p: Principal, lock = false) {
  const elements = elementsFor(manualElements(await setsForProvince(deps, unit.provinceCode)), period.kind);
  const rows = await repo.valuesOf(q, unit.code, period.code, lock);
  const byKey = new Map(rows.map((r) => [r.elementKey, r] as const));
  const evidence = await repo.evidenceOf(
    q,
    rows.map((r) => r.id),
  );
  const lines: EntryLine[] = elements.map((element) => {
    const row = byKey.get(element.key) ?? null;
    return { element, row, evidence: row ? evidence.filter((e) => e.valueId === row.id) : [], editable: editableStatus(row?.status) };
  });
  const today = toLocalDay(deps.clock.now());
  const state = periodState(
    elements.map((e) => e.key),
    new Map(rows.map((r) => [r.elementKey, r.status] as const)),
  );
  const form: EntryForm = {
    unit,
    period,
    lines,
    state,
    late: isLate(state, period, today),
    dueBy: dueBy(period),
    canEnter: can(p, "indicator.enter", unit),
    canReview: can(p, "indicator.review", unit),
  };
  return { form, rows, byKey };
}

/** GET the form (indicator.enter, indicator.review or indicator.read on the commune). */
export async function getEntry(
  deps: Pick<Deps, "db" | "clock">,
  ctx: { principal: Principal | null },
  unitCode: string,
  periodCode: string,
): Promise<EntryForm> {
  const unit = await entryCommune(deps, ctx.principal, unitCode, ["indicator.enter", "indicator.review", "indicator.read"]);
  const period = checkEntryPeriod(periodCode, toLocalDay(deps.clock.now()));
  return (await loadEntry(deps, deps.db, unit, period, ctx.principal as Principal)).form;
}
