// The only code of this module that queries the database, and it reads the dossier_facts view only.
import { type Queryable, queryPrepared } from "../../platform/db/database.ts";
import type { Basis, GroupBy } from "./dossier-stats.contract.ts";

/** Counts and SQL averages for one group, or for the whole selection when key is null. */
export type FactCounts = {
  key: string | null;
  label: string | null;
  labelEn: string | null;
  field: string | null;
  received: number;
  online: number;
  onlineOffered: number;
  finished: number;
  refused: number;
  early: number;
  onTime: number;
  late: number;
  withdrawn: number;
  inProgress: number;
  overdue: number;
  digitised: number;
  originalSeen: number;
  vaultReused: number;
  resultDigitised: number;
  withFee: number;
  feePaid: number;
  cashless: number;
  ratings: number;
  avgRating: number | null;
  goodRatings: number;
};

// Fixed texts per grouping, never built from input: the grouping key, its labels and the order of rows.
// Rows come back in key order; the use case sorts them by Vietnamese name.
const GROUPS: Record<GroupBy, { cols: string; order: string }> = {
  procedure: { cols: `procedure_code AS key, procedure_name AS label, NULL::text AS "labelEn", procedure_field AS field`, order: "procedure_code" },
  commune: { cols: `commune_code AS key, commune_name AS label, commune_name_en AS "labelEn", NULL::text AS field`, order: "commune_code" },
};
const GROUP_KEYS: Record<GroupBy, string> = {
  procedure: "procedure_code, procedure_name, procedure_field",
  commune: "commune_code, commune_name, commune_name_en",
};

const DECIDED = `outcome IN ('result', 'refused')`;
// As the desk's overdue queue: past due with the clock running, or the clock stopped after the due time (late stays late).
const OVERDUE = `((state NOT IN ('paused', 'supplementRequested') AND due_at < $4) OR (state IN ('paused', 'supplementRequested') AND due_at < clock_stopped_at))`;
const AGGREGATES = `
  count(*)::int AS received,
  count(*) FILTER (WHERE channel = 'online' AND online_offered)::int AS online,
  count(*) FILTER (WHERE online_offered)::int AS "onlineOffered",
  count(*) FILTER (WHERE ${DECIDED})::int AS finished,
  count(*) FILTER (WHERE outcome = 'refused')::int AS refused,
  count(*) FILTER (WHERE timing = 'early')::int AS early,
  count(*) FILTER (WHERE timing = 'onTime')::int AS "onTime",
  count(*) FILTER (WHERE timing = 'late')::int AS late,
  count(*) FILTER (WHERE outcome = 'withdrawn')::int AS withdrawn,
  count(*) FILTER (WHERE outcome = 'open')::int AS "inProgress",
  count(*) FILTER (WHERE outcome = 'open' AND ${OVERDUE})::int AS overdue,
  count(*) FILTER (WHERE digitised)::int AS digitised,
  count(*) FILTER (WHERE original_seen)::int AS "originalSeen",
  count(*) FILTER (WHERE vault_reused)::int AS "vaultReused",
  count(*) FILTER (WHERE ${DECIDED} AND result_digitised)::int AS "resultDigitised",
  count(*) FILTER (WHERE fee_due)::int AS "withFee",
  count(*) FILTER (WHERE fee_paid)::int AS "feePaid",
  count(*) FILTER (WHERE fee_due AND fee_cashless)::int AS cashless,
  count(rating)::int AS ratings,
  round(avg(rating)::numeric, 2)::float8 AS "avgRating",
  count(*) FILTER (WHERE rating >= 4)::int AS "goodRatings"`;

// Fixed texts per basis: which dossiers [$2, $3) selects. Decided: a result or a refusal after receipt in the period.
const SELECTION: Record<Basis, string> = {
  received: "received_at >= $2 AND received_at < $3",
  decided: `${DECIDED} AND finished_at >= $2 AND finished_at < $3`,
};

export type Selection = { paths: string[]; from: Date; to: Date; basis: Basis };

/**
 * Dossiers of the selection under any of the path prefixes, grouped, with the total of the whole
 * selection as the row whose key is null (GROUPING SETS: one scan for both).
 */
export async function countFacts(q: Queryable, opts: Selection & { now: Date; groupBy: GroupBy }): Promise<{ totals: FactCounts; rows: FactCounts[] }> {
  const g = GROUPS[opts.groupBy];
  const { rows } = await queryPrepared<FactCounts & { isTotal: number }>(
    q,
    `dossier_facts_by_${opts.groupBy}_${opts.basis}`,
    `SELECT ${g.cols}, grouping(${GROUP_KEYS[opts.groupBy]}) AS "isTotal", ${AGGREGATES}
     FROM dossier_facts
     WHERE unit_path LIKE ANY ($1::text[]) AND ${SELECTION[opts.basis]}
     GROUP BY GROUPING SETS ((${GROUP_KEYS[opts.groupBy]}), ())
     ORDER BY "isTotal", ${g.order}`,
    [opts.paths.map((p) => `${p}%`), opts.from, opts.to, opts.now],
  );
  const total = rows.find((r) => r.isTotal !== 0);
  const strip = ({ isTotal: _drop, ...r }: FactCounts & { isTotal: number }): FactCounts => r;
  return {
    // With no dossier at all, GROUPING SETS still yields the () row with zero counts.
    totals: total ? { ...strip(total), key: null, label: null, labelEn: null, field: null } : emptyCounts(),
    rows: rows.filter((r) => r.isTotal === 0).map(strip),
  };
}

export function emptyCounts(): FactCounts {
  return {
    key: null,
    label: null,
    labelEn: null,
    field: null,
    received: 0,
    online: 0,
    onlineOffered: 0,
    finished: 0,
    refused: 0,
    early: 0,
    onTime: 0,
    late: 0,
    withdrawn: 0,
    inProgress: 0,
    overdue: 0,
    digitised: 0,
    originalSeen: 0,
    vaultReused: 0,
    resultDigitised: 0,
    withFee: 0,
    feePaid: 0,
    cashless: 0,
    ratings: 0,
    avgRating: null,
    goodRatings: 0,
  };
}

/** A decided dossier's span: receipt, decision and its clock stops ([start, end], end null while stopped). */
export type DecidedSpan = { procedureCode: string; communeCode: string; receivedAt: Date; finishedAt: Date; stops: [string, string | null][] };

/** The decided dossiers of the selection, for the processing time in working days (computed in TypeScript). */
export async function decidedSpans(q: Queryable, opts: Selection): Promise<DecidedSpan[]> {
  const { rows } = await queryPrepared<DecidedSpan>(
    q,
    `dossier_facts_spans_${opts.basis}`,
    `SELECT procedure_code AS "procedureCode", commune_code AS "communeCode", received_at AS "receivedAt", finished_at AS "finishedAt",
       clock_stops AS stops
     FROM dossier_facts
     WHERE unit_path LIKE ANY ($1::text[]) AND ${SELECTION[opts.basis]} AND ${DECIDED}`,
    [opts.paths.map((p) => `${p}%`), opts.from, opts.to],
  );
  return rows;
}

/** Units that have received dossiers under the path prefixes: the choices of the filter form. */
export async function communesWithDossiers(q: Queryable, paths: string[]): Promise<{ code: string; name: string; nameEn: string | null }[]> {
  const { rows } = await queryPrepared<{ code: string; name: string; nameEn: string | null }>(
    q,
    "dossier_facts_communes",
    `SELECT DISTINCT commune_code AS code, commune_name AS name, commune_name_en AS "nameEn"
     FROM dossier_facts WHERE unit_path LIKE ANY ($1::text[]) AND received_at IS NOT NULL ORDER BY code`,
    [paths.map((p) => `${p}%`)],
  );
  return rows;
}
