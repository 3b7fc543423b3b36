import { describe, expect, it } from "vitest";
import { capSummary, planSmsDays } from "./sms-cap.ts";

// 10:00 in Vietnam on 23 November 2026.
const now = new Date("2026-11-23T03:00:00Z");

describe("planSmsDays", () => {
  it("sends what today's cap leaves now and the rest at 07:00 of the next days, never dropping one", () => {
    const plan = planSmsDays({
      count: 12,
      cap: 5,
      dueByDay: new Map([
        ["2026-11-23", 3],
        ["2026-11-24", 1],
      ]),
      now,
      emergency: false,
    });
    expect(plan).toEqual([
      { count: 2, dueAt: null, day: "2026-11-23" },
      { count: 4, dueAt: new Date("2026-11-24T00:00:00Z"), day: "2026-11-24" },
      { count: 5, dueAt: new Date("2026-11-25T00:00:00Z"), day: "2026-11-25" },
      { count: 1, dueAt: new Date("2026-11-26T00:00:00Z"), day: "2026-11-26" },
    ]);
    expect(plan.reduce((s, b) => s + b.count, 0)).toBe(12);
  });

  it("skips a day already full, and counts days by Vietnam's calendar (23:30 local is still the same day)", () => {
    const late = new Date("2026-11-23T16:30:00Z"); // 23:30 on the 23rd in Vietnam
    const plan = planSmsDays({
      count: 3,
      cap: 2,
      dueByDay: new Map([
        ["2026-11-23", 2],
        ["2026-11-24", 2],
      ]),
      now: late,
      emergency: false,
    });
    expect(plan).toEqual([
      { count: 2, dueAt: new Date("2026-11-25T00:00:00Z"), day: "2026-11-25" },
      { count: 1, dueAt: new Date("2026-11-26T00:00:00Z"), day: "2026-11-26" },
    ]);
  });

  it("sends an emergency, or any notice without a cap, all at once", () => {
    const full = new Map([["2026-11-23", 99]]);
    expect(planSmsDays({ count: 7, cap: 5, dueByDay: full, now, emergency: true })).toEqual([{ count: 7, dueAt: null, day: "2026-11-23" }]);
    expect(planSmsDays({ count: 7, cap: Number.POSITIVE_INFINITY, dueByDay: full, now, emergency: false })).toEqual([
      { count: 7, dueAt: null, day: "2026-11-23" },
    ]);
    expect(planSmsDays({ count: 0, cap: 5, dueByDay: full, now, emergency: false })).toEqual([]);
  });
});

describe("capSummary", () => {
  it("says what is left today and how many would wait", () => {
    expect(capSummary({ count: 7, cap: 5, dueToday: 1, emergency: false })).toEqual({ cap: 5, dueToday: 1, thisNotice: 7, remainingToday: 4, deferred: 3 });
    expect(capSummary({ count: 7, cap: 5, dueToday: 9, emergency: true })).toMatchObject({ remainingToday: 0, deferred: 0 });
    expect(capSummary({ count: 7, cap: Number.POSITIVE_INFINITY, dueToday: 9, emergency: false })).toMatchObject({
      cap: null,
      remainingToday: null,
      deferred: 0,
    });
  });
});
