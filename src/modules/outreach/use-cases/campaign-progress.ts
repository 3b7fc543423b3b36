// A campaign's progress, day by day: the share counted as of each day from the start to today (or the last day),
// against a straight line from 0 on the eve of the start to the target on the last day (docs/community/campaigns.md).
import type { ProgressBy } from "../campaigns/campaigns.contract.ts";
import type { CountRow } from "../campaigns/campaigns.repository.ts";

export type ProgressPoint = { day: string; counted: number; total: number; percent: number | null; expectedPercent: number };
export type ProgressRow = {
  key: string | null;
  label: string;
  counted: number;
  total: number;
  percent: number | null;
  expectedPercent: number;
  onTrack: boolean;
  series: ProgressPoint[];
};
export type Progress = { asOf: string; by: ProgressBy; total: ProgressRow; rows: ProgressRow[] };

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const oneDecimal = (x: number) => Math.round(x * 10) / 10;
export const percentOf = (n: number, d: number): number | null => (d > 0 ? oneDecimal((n / d) * 100) : null);

/** The days of the series: from the start to today or the last day; none before the campaign starts. */
export function seriesDays(startsOn: string, endsOn: string, today: string): { asOf: string; days: string[] } {
  const asOf = today < endsOn ? today : endsOn;
  const days: string[] = [];
  for (let d = dayNumber(startsOn); d <= dayNumber(asOf); d++) days.push(isoOf(d));
  return { asOf, days };
}

/** The straight line: the target times the share of the campaign's days gone by the end of `day`. */
export function expectedPercent(startsOn: string, endsOn: string, targetPercent: number, day: string): number {
  const length = dayNumber(endsOn) - dayNumber(startsOn) + 1;
  const gone = Math.min(length, Math.max(0, dayNumber(day) - dayNumber(startsOn) + 1));
  return oneDecimal((targetPercent * gone) / length);
}

function rowOf(
  key: string | null,
  label: string,
  counts: readonly CountRow[],
  c: { startsOn: string; endsOn: string; targetPercent: number },
  asOf: string,
  days: readonly string[],
) {
  const total = counts.reduce((s, r) => s + r.n, 0);
  const countedBy = (day: string) => counts.reduce((s, r) => s + (r.day !== null && r.day <= day ? r.n : 0), 0);
  const series = days.map((day) => {
    const counted = countedBy(day);
    return { day, counted, total, percent: percentOf(counted, total), expectedPercent: expectedPercent(c.startsOn, c.endsOn, c.targetPercent, day) };
  });
  const counted = countedBy(asOf);
  const percent = percentOf(counted, total);
  const expected = expectedPercent(c.startsOn, c.endsOn, c.targetPercent, asOf);
  // Nobody to count is not "behind".
  return { key, label, counted, total, percent, expectedPercent: expected, onTrack: percent === null || percent >= expected, series };
}

/** Rows per village or per team (households with no team together, key null), and the total. */
export function buildProgress(
  counts: readonly CountRow[],
  c: { startsOn: string; endsOn: string; targetPercent: number },
  today: string,
  by: ProgressBy,
  labels: { of: (key: string) => string | undefined; noTeam: string; total: string },
  compare: (a: string, b: string) => number,
): Progress {
  const { asOf, days } = seriesDays(c.startsOn, c.endsOn, today);
  const groups = new Map<string | null, CountRow[]>();
  for (const r of counts) {
    const key = by === "village" ? r.villageCode : r.teamId;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rows = [...groups].map(([key, rs]) => rowOf(key, key === null ? labels.noTeam : (labels.of(key) ?? key), rs, c, asOf, days));
  // Named rows in Vietnamese order, "no team" last.
  rows.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : compare(a.label, b.label)));
  return { asOf, by, total: rowOf(null, labels.total, counts, c, asOf, days), rows };
}
