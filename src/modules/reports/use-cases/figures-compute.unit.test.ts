// The running-sum shortcut for many answer times gives what workingHoursBetween gives for each pair.
import { describe, expect, it } from "vitest";
import { buildWorkCalendar, workingHoursBetween } from "../../../platform/calendar/working-time.ts";
import { workingHoursOfPairs } from "./figures-compute.ts";

describe("workingHoursOfPairs", () => {
  it("matches workingHoursBetween over same-day, multi-day, weekend, holiday and reversed pairs", () => {
    const cal = buildWorkCalendar([{ day: "2026-09-02", kind: "off", name: "Quốc khánh" }]);
    const start = Date.parse("2026-08-28T00:00:00Z");
    const pairs: { from: Date; to: Date }[] = [];
    // A spread of instants, hours apart, across weekends and the holiday: every ordered pair among them.
    const instants = Array.from({ length: 24 }, (_, i) => new Date(start + i * 13 * 3_600_000 + (i % 5) * 1_700_000));
    for (const a of instants) for (const b of instants) pairs.push({ from: a, to: b });
    const fast = workingHoursOfPairs(cal, pairs);
    const slow = pairs.map((p) => (p.to <= p.from ? 0 : workingHoursBetween(cal, p.from, p.to)));
    expect(fast.map((h) => Math.round(h * 1e6))).toEqual(slow.map((h) => Math.round(h * 1e6)));
    expect(slow.some((h) => h > 8)).toBe(true);
  });
});
