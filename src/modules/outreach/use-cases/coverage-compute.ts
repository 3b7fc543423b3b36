// Coverage of a unit: the figures of every household the viewer sees in it, and one row per commune (of a
// province), village (of a commune) or team (of a village, or a team leader's teams). docs/community/coverage.md.
import type { CoverageFigures, CoverageReport, CoverageRow } from "../coverage/coverage.contract.ts";
import * as repo from "../coverage/coverage.repository.ts";
import { loadChecklist, provinceOfPath, type Skill } from "../skills.ts";
import { type CoverageContext, coverageDates, coverageScope, type D } from "./coverage-scope.ts";

export type CoverageInput = { unit?: string; staleDays: number };

// Four decimals: the JSON, the page and the spreadsheet show the same numbers.
const ratio = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export function figuresOf(c: repo.Counts, skills: readonly Pick<Skill, "key">[]): CoverageFigures {
  return {
    households: c.households,
    proficientHouseholds: c.proficient,
    proficientShare: ratio(c.proficient, c.households),
    neverVisited: c.neverVisited,
    staleVisited: c.staleVisited,
    adults: c.adults,
    skills: skills.map((s) => ({ key: s.key, adults: c.skills[s.key] ?? 0, share: ratio(c.skills[s.key] ?? 0, c.adults) })),
  };
}

function sum(rows: readonly repo.Counts[]): repo.Counts {
  const t = repo.emptyCounts();
  for (const r of rows) {
    t.households += r.households;
    t.proficient += r.proficient;
    t.neverVisited += r.neverVisited;
    t.staleVisited += r.staleVisited;
    t.adults += r.adults;
    for (const [k, n] of Object.entries(r.skills)) t.skills[k] = (t.skills[k] ?? 0) + n;
  }
  return t;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export async function computeCoverage(deps: D, ctx: CoverageContext, input: CoverageInput): Promise<CoverageReport> {
  const scope = await coverageScope(deps, ctx, input.unit);
  const { unit } = scope;
  const { today, staleBefore, adultBornBy } = coverageDates(deps, input.staleDays);
  const active = (await loadChecklist(deps.db, provinceOfPath(unit.path))).skills.filter((s) => s.active);
  const common = { staleBefore, cutoffYear: adultBornBy };

  let rows: CoverageRow[];
  let total: repo.Counts;
  const byTeam = !scope.whole || unit.level === "village";
  if (!byTeam) {
    // An officer's province or commune: the rollups, one row per child unit (those with no household too).
    const groupBy = unit.level === "commune" ? "village" : "commune";
    const [counts, children] = await Promise.all([
      repo.rollupCounts(deps.db, { pathPrefix: unit.path, groupBy, ...common }),
      repo.childUnits(deps.db, unit.code),
    ]);
    const byKey = new Map(counts.map((c) => [c.key, c]));
    total = sum(counts);
    rows = children
      .sort((a, b) => collator.compare(a.sortName, b.sortName) || a.code.localeCompare(b.code))
      .map((u) => ({ kind: groupBy, key: u.code, name: u.name, nameEn: u.nameEn, ...figuresOf(byKey.get(u.code) ?? repo.emptyCounts(), active) }));
  } else {
    // A village (rows by team), or a team leader's households wherever they are asked for.
    const [counts, teams] = await Promise.all([
      repo.scopedCounts(deps.db, { pathPrefix: unit.path, visibleSql: scope.visibleSql, params: scope.params, byTeam: true, ...common }),
      repo.teamsUnder(deps.db, `${unit.path.split("/").slice(0, 3).join("/")}/`),
    ]);
    const names = new Map(teams.map((t) => [t.id, t.name]));
    total = scope.whole && unit.level === "village" ? sum(await repo.rollupCounts(deps.db, { pathPrefix: unit.path, groupBy: null, ...common })) : sum(counts);
    rows = counts
      .map(
        (c): CoverageRow =>
          c.key === null
            ? { kind: "unassigned", key: null, name: "", nameEn: null, ...figuresOf(c, active) }
            : { kind: "team", key: c.key, name: names.get(c.key) ?? c.key, nameEn: null, ...figuresOf(c, active) },
      )
      .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : collator.compare(a.name, b.name)));
  }
  return {
    unit: { code: unit.code, level: unit.level, name: unit.fullName, nameEn: unit.fullNameEn },
    partial: !scope.whole,
    today,
    staleDays: input.staleDays,
    adultBornBy,
    skills: active.map((s) => ({ key: s.key, labelVi: s.labelVi, labelEn: s.labelEn })),
    total: figuresOf(total, active),
    rows,
  };
}
