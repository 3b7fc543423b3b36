import { describe, expect, it } from "vitest";
import { buildWorkCalendar } from "../../../platform/calendar/working-time.ts";
import { processingHours } from "./processing-time.ts";

// Office hours 07:30–11:30 and 13:30–17:30 in Vietnam (UTC+7); no holiday in the week of Mon 3/8/2026.
const cal = buildWorkCalendar([]);
const at = (local: string) => new Date(`${local}+07:00`);
const span = (from: string, to: string, stops: [string, string | null][] = []) => ({
  receivedAt: at(from),
  finishedAt: at(to),
  stops: stops.map(([a, b]) => [at(a).toISOString(), b === null ? null : at(b).toISOString()] as [string, string | null]),
});

describe("processingHours", () => {
  it("counts office hours from receipt to decision", () => {
    // Mon 09:00 → Tue 10:00: 2.5 + 4 + 2.5 = 9 hours.
    expect(processingHours(cal, span("2026-08-03T09:00:00", "2026-08-04T10:00:00"))).toBe(9);
  });

  it("leaves out each stop, clipped to the span, and a stop still open at the decision", () => {
    const s = span("2026-08-03T09:00:00", "2026-08-07T17:30:00", [
      ["2026-08-04T07:30:00", "2026-08-05T07:30:00"], // Tuesday: 8 hours
      ["2026-08-07T13:30:00", null], // Friday afternoon, never resumed: 4 hours
    ]);
    expect(processingHours(cal, s)).toBe(38.5 - 8 - 4);
    // Only the part of a stop inside the span counts (here Mon 09:00–10:00).
    expect(processingHours(cal, span("2026-08-03T09:00:00", "2026-08-04T10:00:00", [["2026-08-01T08:00:00", "2026-08-03T10:00:00"]]))).toBe(8);
  });

  it("never counts an overlap twice nor goes below zero", () => {
    const s = span("2026-08-03T09:00:00", "2026-08-04T10:00:00", [
      ["2026-08-03T09:00:00", "2026-08-04T10:00:00"],
      ["2026-08-03T13:30:00", "2026-08-04T08:00:00"],
    ]);
    expect(processingHours(cal, s)).toBe(0);
  });
});
