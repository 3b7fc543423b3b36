// Figures from the work (Decision 766/QĐ-TTg service index): counts come from SQL over dossier_facts;
// shares are divided here so every face (page, API, XLSX) shows the same numbers. See docs/figures.md.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/working-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import type { Basis, Figures, FigureRow, FiguresReport, GroupBy, StatsQuery } from "../dossier-stats.contract.ts";
import * as repo from "../dossier-stats.repository.ts";
import { averageWorkingDays } from "./processing-time.ts";
import { localInstant, nextLocalDay } from "../../../platform/calendar/vietnam-time.ts";

type D = Pick<Deps, "db" | "config" | "clock">;
export type StatsContext = Context & { principal: Principal | null };
export type FiguresInput = {
  /** A commune (or province) code; by default every unit the viewer may see. */
  communeCode?: string;
  /** First instant counted. */
  from: Date;
  /** First instant no longer counted (exclusive), so that whole days are [from, to). */
  to: Date;
  groupBy: GroupBy;
  /** received (default): dossiers received in the period; decided: decisions made in it. */
  basis?: Basis;
};

/** Inclusive Vietnam days → the half-open instant range the queries use. */
export function periodOf(fromDay: string, toDay: string): { from: Date; to: Date } {
  return { from: localInstant(fromDay), to: localInstant(nextLocalDay(toDay)) };
}

export function yearOf(deps: Pick<Deps, "clock">): number {
  return Number(toLocalDay(deps.clock.now()).slice(0, 4));
}

/** The filters of the page and the API with this year as the default period. */
export function figuresInput(deps: Pick<Deps, "clock">, q: StatsQuery): FiguresInput {
  const year = yearOf(deps);
  const { from, to } = periodOf(q.from ?? `${year}-01-01`, q.to ?? `${year}-12-31`);
  return { ...(q.commune ? { communeCode: q.commune } : {}), from, to, groupBy: q.groupBy, basis: q.basis };
}

// Four decimals are plenty for a share and keep the JSON and the spreadsheet identical.
const ratio = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

type Counted = repo.FactCounts & { avgProcessingDays: number | null };

function withShares(c: Counted): Figures {
  return {
    received: c.received,
    online: c.online,
    onlineOffered: c.onlineOffered,
    onlineShare: ratio(c.online, c.onlineOffered),
    finished: c.finished,
    refused: c.refused,
    early: c.early,
    onTime: c.onTime,
    late: c.late,
    onTimeShare: ratio(c.early + c.onTime, c.finished),
    withdrawn: c.withdrawn,
    inProgress: c.inProgress,
    overdue: c.overdue,
    digitised: c.digitised,
    digitisedShare: ratio(c.digitised, c.received),
    originalSeen: c.originalSeen,
    vaultReused: c.vaultReused,
    vaultReusedShare: ratio(c.vaultReused, c.received),
    resultDigitised: c.resultDigitised,
    resultDigitisedShare: ratio(c.resultDigitised, c.finished),
    withFee: c.withFee,
    feePaid: c.feePaid,
    cashless: c.cashless,
    cashlessShare: ratio(c.cashless, c.withFee),
    avgProcessingDays: c.avgProcessingDays,
    ratings: c.ratings,
    avgRating: c.avgRating,
    goodRatings: c.goodRatings,
    goodRatingShare: ratio(c.goodRatings, c.ratings),
  };
}

/** The path prefixes the figures cover, after the access check: one unit, or the viewer's whole scope. */
async function scopeOf(deps: D, p: Principal | null, communeCode: string | undefined): Promise<string[]> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (communeCode) {
    const unit = await getAdminUnit(deps, communeCode);
    authorise(p, "stats.read", unit); // another commune's figures: 404, as for its dossiers
    return [unit.path];
  }
  const paths = scopePaths(p, "stats.read");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  return paths;
}

// The database's collation may not know Vietnamese (Đ would sort after X), so rows are ordered here.
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const byFieldThenLabel = (a: repo.FactCounts, b: repo.FactCounts) =>
  collator.compare(a.field ?? "", b.field ?? "") || collator.compare(a.label ?? "", b.label ?? "") || collator.compare(a.key ?? "", b.key ?? "");

type Counts = { totals: repo.FactCounts; rows: repo.FactCounts[]; avgDays: Map<string | null, number> };

function report(input: FiguresInput, communeCode: string | null, counts: Counts): FiguresReport {
  const avg = (key: string | null) => ({ avgProcessingDays: counts.avgDays.get(key) ?? null });
  return {
    from: toLocalDay(input.from),
    to: toLocalDay(new Date(input.to.getTime() - 1)),
    commune: communeCode,
    groupBy: input.groupBy,
    basis: input.basis ?? "received",
    totals: withShares({ ...counts.totals, ...avg(null) }),
    rows: [...counts.rows]
      .sort(byFieldThenLabel)
      .map((r): FigureRow => ({ ...withShares({ ...r, ...avg(r.key) }), key: r.key ?? "", label: r.label ?? "", labelEn: r.labelEn, field: r.field })),
  };
}

/** The SQL counts and, from the decided dossiers' spans and the working calendar, the average processing time. */
async function count(deps: D, paths: string[], input: FiguresInput, processingTime = true): Promise<Counts> {
  const selection: repo.Selection = { paths, from: input.from, to: input.to, basis: input.basis ?? "received" };
  const [counts, spans, cal] = await Promise.all([
    repo.countFacts(deps.db, { ...selection, now: deps.clock.now(), groupBy: input.groupBy }),
    processingTime ? repo.decidedSpans(deps.db, selection) : [],
    loadWorkCalendar(deps),
  ]);
  const keyOf = input.groupBy === "procedure" ? (s: repo.DecidedSpan) => s.procedureCode : (s: repo.DecidedSpan) => s.communeCode;
  return { ...counts, avgDays: averageWorkingDays(cal, spans, keyOf) };
}

export async function computeFigures(deps: D, ctx: StatsContext, input: FiguresInput): Promise<FiguresReport> {
  const paths = await scopeOf(deps, ctx.principal, input.communeCode);
  return report(input, input.communeCode ?? null, await count(deps, paths, input));
}

/** The communes the filter form offers: those with received dossiers inside the viewer's scope. */
export async function listStatsCommunes(deps: D, ctx: StatsContext) {
  const rows = await repo.communesWithDossiers(deps.db, await scopeOf(deps, ctx.principal, undefined));
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The public transparency summary (no personal data, no sign-in): per commune of the served provinces,
 * the dossiers received in a year, with their online share, on-time share and ratings.
 */
export async function computePublicFigures(deps: D, year: number) {
  const input: FiguresInput = { ...periodOf(`${year}-01-01`, `${year}-12-31`), groupBy: "commune" };
  const paths = deps.config.servedProvinces.map((code) => `/${code}/`);
  // The public summary shows no processing time: its spans are not read.
  const full = report(input, null, await count(deps, paths, input, false));
  const pick = (f: Figures) => ({
    received: f.received,
    onlineShare: f.onlineShare,
    finished: f.finished,
    onTimeShare: f.onTimeShare,
    ratings: f.ratings,
    avgRating: f.avgRating,
  });
  return { year, totals: pick(full.totals), rows: full.rows.map((r) => ({ key: r.key, label: r.label, labelEn: r.labelEn, ...pick(r) })) };
}
export type PublicFigures = Awaited<ReturnType<typeof computePublicFigures>>;
