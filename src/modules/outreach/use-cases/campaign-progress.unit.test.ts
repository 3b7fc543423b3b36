// The day-by-day arithmetic of campaigns and the ranking of recognition, by hand.
import { describe, expect, it } from "vitest";
import { buildProgress, expectedPercent, seriesDays } from "./campaign-progress.ts";
import { rank } from "./recognition.ts";

describe("campaign progress", () => {
  it("runs the series from the first day to today, or to the last day once over, and none before the start", () => {
    expect(seriesDays("2026-11-29", "2026-12-02", "2026-12-01").days).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(seriesDays("2026-11-29", "2026-12-02", "2027-01-15")).toEqual({
      asOf: "2026-12-02",
      days: ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"],
    });
    expect(seriesDays("2026-12-01", "2026-12-31", "2026-11-23")).toEqual({ asOf: "2026-11-23", days: [] });
  });

  it("expects the target in a straight line from 0 on the eve of the first day to the last day", () => {
    // 69 days, 80 %: after 1 day 1.2 %, after 69 days 80 %, after 100 days still 80 %, before the start 0.
    expect(expectedPercent("2026-01-01", "2026-03-10", 80, "2026-01-01")).toBe(1.2);
    expect(expectedPercent("2026-01-01", "2026-03-10", 80, "2026-03-10")).toBe(80);
    expect(expectedPercent("2026-01-01", "2026-03-10", 80, "2026-04-10")).toBe(80);
    expect(expectedPercent("2026-01-01", "2026-03-10", 80, "2025-12-31")).toBe(0);
  });

  it("marks a row behind below the line, and a row with nobody to count as not behind", () => {
    const c = { startsOn: "2026-11-01", endsOn: "2026-11-10", targetPercent: 50 };
    const p = buildProgress(
      [
        { villageCode: "a", teamId: null, day: "2026-11-01", n: 1 },
        { villageCode: "a", teamId: null, day: null, n: 9 },
        { villageCode: "b", teamId: null, day: "2026-11-02", n: 3 },
        { villageCode: "b", teamId: null, day: null, n: 1 },
      ],
      c,
      "2026-11-04",
      "village",
      { of: (k) => k.toUpperCase(), noTeam: "-", total: "all" },
      (x, y) => x.localeCompare(y),
    );
    // Expected after 4 of 10 days: 20 %. A: 1/10 = 10 % behind; B: 3/4 = 75 % on track; all: 4/14 = 28.6 %.
    expect(p.rows.map((r) => [r.label, r.percent, r.expectedPercent, r.onTrack])).toEqual([
      ["A", 10, 20, false],
      ["B", 75, 20, true],
    ]);
    expect(p.total).toMatchObject({ counted: 4, total: 14, percent: 28.6, onTrack: true });
    expect(buildProgress([], c, "2026-11-04", "team", { of: () => undefined, noTeam: "-", total: "all" }, (x, y) => x.localeCompare(y)).total).toMatchObject({
      percent: null,
      onTrack: true,
    });
  });
});

describe("recognition ranking", () => {
  it("ranks by households helped, then skills confirmed, then visits; equal figures share a rank", () => {
    const f = (name: string, householdsHelped: number, skillsConfirmed: number, visits: number) => ({ name, householdsHelped, skillsConfirmed, visits });
    expect(rank([f("Bình", 2, 1, 9), f("An", 3, 0, 1), f("Cúc", 2, 1, 9), f("Dũng", 2, 4, 2)]).map((r) => [r.rank, r.name])).toEqual([
      [1, "An"],
      [2, "Dũng"],
      [3, "Bình"],
      [3, "Cúc"],
    ]);
  });
});
