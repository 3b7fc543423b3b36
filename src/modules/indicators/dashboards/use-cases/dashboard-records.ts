// The records behind a number: the dossiers a dossier element counted in the period (read from dossier_facts,
// within the reader's dossier.read scope) or the households of the coverage elements (household_coverage_refs with
// household_refs, only those the registry's access rule shows the reader). Either list is personal data: one
// personalData.read entry per page. Keyset pages of 50.
import type { Deps } from "../../../../deps.ts";
import { authorise, type Principal } from "../../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../../platform/audit/index.ts";
import { localInstant, nextLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import type { Context } from "../../../../platform/events/domain-events.ts";
import { AppError, validationError } from "../../../../platform/http/app-error.ts";
import { decodeCursor, encodeCursor } from "../../../../platform/http/cursor.ts";
import { householdAccess, householdVisibleSql, seesNothing } from "../../../registry/index.ts";
import type * as repo from "../../indicators.repository.ts";
import type { Period } from "../../periods.ts";
import { RecordsQuery } from "../dashboards.contract.ts";
import { type DossierRecord, type DossierRecordKind, dossierRecords, type HouseholdRecord, householdRecords } from "../dashboards.repository.ts";
import { ancestorsOf, choosePeriod, readableUnit } from "./dashboard-scope.ts";

export const RECORDS_PAGE = 50;

export type RecordSource = { type: "dossiers"; kind: DossierRecordKind } | { type: "households"; withoutProficient: boolean };

// Which elements have records to list, and which: households_proficient lists the households still without a
// proficient member (the gap an officer acts on), household_count every household.
const SOURCES: Record<string, RecordSource> = {
  dossier_received: { type: "dossiers", kind: "received" },
  dossier_received_online: { type: "dossiers", kind: "receivedOnline" },
  dossier_decided: { type: "dossiers", kind: "decided" },
  dossier_decided_on_time: { type: "dossiers", kind: "decidedOnTime" },
  dossier_decided_late: { type: "dossiers", kind: "decidedLate" },
  household_count: { type: "households", withoutProficient: false },
  household_proficient: { type: "households", withoutProficient: true },
};

export const recordsOf = (element: string): RecordSource | null => SOURCES[element] ?? null;

export type RecordsPage = {
  unit: repo.UnitRef;
  ancestors: repo.UnitRef[];
  element: string;
  source: RecordSource;
  period: Period;
  dossiers: DossierRecord[];
  households: HouseholdRecord[];
  nextCursor: string | null;
  isFirst: boolean;
};

export async function listRecords(
  deps: Pick<Deps, "db" | "clock" | "events">,
  ctx: Context & { principal: Principal | null },
  input: { unit: string; element: string },
  raw: unknown,
): Promise<RecordsPage> {
  const p = ctx.principal;
  const unit = await readableUnit(deps, p, input.unit);
  const source = recordsOf(input.element);
  if (!source) throw new AppError("not_found", "error.notFound");
  const parsed = RecordsQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const period = choosePeriod(deps, parsed.data.period);
  const base = { unit, element: input.element, source, period, dossiers: [] as DossierRecord[], households: [] as HouseholdRecord[] };
  let nextCursor: string | null = null;
  let rows = 0;
  if (source.type === "dossiers") {
    // Dossiers are counted per commune: a village has none of its own.
    if (unit.level === "village") throw new AppError("not_found", "error.notFound");
    authorise(p, "dossier.read", unit);
    const after = decodeCursor(parsed.data.cursor, 2);
    if (after && (Number.isNaN(Date.parse(String(after[0]))) || !/^[0-9a-f-]{36}$/i.test(String(after[1]))))
      throw new AppError("validation", "error.validation", [{ field: "cursor", code: "format", message: "validation.cursor" }]);
    const found = await dossierRecords(deps.db, {
      pathPrefix: unit.path,
      kind: source.kind,
      from: localInstant(period.start),
      to: localInstant(nextLocalDay(period.end)),
      after: after ? { at: String(after[0]), id: String(after[1]) } : null,
      limit: RECORDS_PAGE + 1,
    });
    base.dossiers = found.slice(0, RECORDS_PAGE);
    const last = base.dossiers[base.dossiers.length - 1];
    if (found.length > RECORDS_PAGE && last) nextCursor = encodeCursor([last.at.toISOString(), last.id]);
    rows = base.dossiers.length;
  } else {
    const access = householdAccess(p);
    if (seesNothing(access)) throw new AppError("forbidden", "error.forbidden");
    const params: unknown[] = [];
    const visibleSql = householdVisibleSql(access, "h", params);
    const after = decodeCursor(parsed.data.cursor, 1);
    if (after && !/^[0-9a-f-]{36}$/i.test(String(after[0])))
      throw new AppError("validation", "error.validation", [{ field: "cursor", code: "format", message: "validation.cursor" }]);
    const found = await householdRecords(deps.db, {
      pathPrefix: unit.path,
      withoutProficient: source.withoutProficient,
      visibleSql,
      params,
      after: after ? String(after[0]) : null,
      limit: RECORDS_PAGE + 1,
    });
    base.households = found.slice(0, RECORDS_PAGE);
    const last = base.households[base.households.length - 1];
    if (found.length > RECORDS_PAGE && last) nextCursor = encodeCursor([last.id]);
    rows = base.households.length;
  }
  await recordPersonalDataRead(deps, ctx, {
    target: { type: source.type === "dossiers" ? "indicatorDossiers" : "indicatorHouseholds", id: null },
    adminUnitCode: unit.code,
    details: { element: input.element, period: period.code, page: parsed.data.cursor ? "next" : "first", rows },
  });
  return { ...base, ancestors: await ancestorsOf(deps, unit), nextCursor, isFirst: !parsed.data.cursor };
}
