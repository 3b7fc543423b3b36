// The gap list: the adults of the households the viewer sees who still lack an active skill, by village then
// address (the plan for the next round of visits). A read of personal data: audited, one entry per list.
import { authorise } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { GapsReport } from "../coverage/coverage.contract.ts";
import * as repo from "../coverage/coverage.repository.ts";
import { loadChecklist, provinceOfPath } from "../skills.ts";
import { type CoverageContext, coverageDates, coverageScope, type D } from "./coverage-scope.ts";

export const GAP_LIMIT = 5000;
export type GapsInput = { unit?: string; village?: string; team?: string; skill?: string };

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export async function listGaps(deps: D & Pick<Deps, "events">, ctx: CoverageContext, input: GapsInput, limit = GAP_LIMIT): Promise<GapsReport> {
  const scope = await coverageScope(deps, ctx, input.unit);
  let unit = scope.unit;
  if (input.village) {
    const village = await getAdminUnit(deps, input.village);
    // A village outside the unit (or outside every grant) is not there for this viewer.
    if (village.level !== "village" || !village.path.startsWith(unit.path)) throw new AppError("not_found", "error.notFound");
    authorise(scope.principal, "coverage.read", village);
    unit = village;
  }
  if (input.team) {
    const team = await repo.teamById(deps.db, input.team);
    if (!team || !(team.unitPath.startsWith(unit.path) || unit.path.startsWith(team.unitPath))) throw new AppError("not_found", "error.notFound");
  }
  const checklist = await loadChecklist(deps.db, provinceOfPath(unit.path));
  const active = checklist.skills.filter((s) => s.active);
  if (input.skill && !active.some((s) => s.key === input.skill)) {
    throw new AppError("validation", "error.validation", [{ field: "skill", code: "skill", message: "coverage.error.skill" }]);
  }
  const { adultBornBy } = coverageDates(deps, 1);
  const rows = await repo.gapRows(deps.db, {
    pathPrefix: unit.path,
    visibleSql: scope.visibleSql,
    params: scope.params,
    teamId: input.team ?? null,
    skills: input.skill ? [input.skill] : active.map((s) => s.key),
    cutoffYear: adultBornBy,
    limit: limit + 1,
  });
  const truncated = rows.length > limit;
  const shown = rows.slice(0, limit);
  // The database's collation may not know Vietnamese, and "Số 10" comes after "Số 9": ordered here.
  shown.sort(
    (a, b) =>
      collator.compare(a.villageName, b.villageName) ||
      a.villageCode.localeCompare(b.villageCode) ||
      collator.compare(a.address, b.address) ||
      a.householdId.localeCompare(b.householdId) ||
      collator.compare(a.fullName, b.fullName),
  );
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "coverageGaps", id: null },
    adminUnitCode: unit.code,
    details: { village: input.village ?? null, team: input.team ?? null, skill: input.skill ?? null, rows: shown.length },
  });
  return {
    unit: { code: unit.code, name: unit.fullName, nameEn: unit.fullNameEn },
    skills: active.map((s) => ({ key: s.key, labelVi: s.labelVi, labelEn: s.labelEn })),
    rows: shown,
    truncated,
    limit,
  };
}
