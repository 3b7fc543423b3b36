// Reporting periods: months, quarters, years and the year to date as inclusive Vietnam days; malformed codes and
// periods that have not begun are refused naming the field; trends step back period by period.
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/http/app-error.ts";
import { parsePeriod, periodContaining, periodOf, trailingPeriods } from "./periods.ts";

const TODAY = "2026-12-06";

describe("reporting periods", () => {
  it("reads months, quarters, years and the year to date", () => {
    expect(periodOf("2024-02", TODAY)).toMatchObject({ kind: "month", start: "2024-02-01", end: "2024-02-29" });
    expect(periodOf("2026-Q3", TODAY)).toMatchObject({ kind: "quarter", start: "2026-07-01", end: "2026-09-30" });
    expect(periodOf("2025", TODAY)).toMatchObject({ kind: "year", start: "2025-01-01", end: "2025-12-31" });
    expect(periodOf("2026-ytd", TODAY)).toMatchObject({ kind: "ytd", start: "2026-01-01", end: TODAY });
    expect(periodOf("2025-ytd", TODAY)).toMatchObject({ end: "2025-12-31" });
  });

  it("refuses malformed codes and periods not yet begun, naming the field", () => {
    for (const bad of ["2026-13", "2026-Q5", "26-01", "2026-1", "abc", "1999"]) {
      const err = (() => {
        try {
          parsePeriod(bad, TODAY);
        } catch (e) {
          return e;
        }
      })();
      expect(err, bad).toBeInstanceOf(AppError);
      expect((err as AppError).fields[0]).toMatchObject({ field: "period", code: "format" });
    }
    expect(() => parsePeriod("2027-01", TODAY)).toThrow(AppError);
    // The current period is allowed: its facts simply stop at today.
    expect(parsePeriod("2026-12", TODAY).end).toBe("2026-12-31");
  });

  it("steps back across years for a trend", () => {
    expect(trailingPeriods(periodOf("2026-02", TODAY)!, 4, TODAY).map((p) => p.code)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(trailingPeriods(periodOf("2026-Q1", TODAY)!, 3, TODAY).map((p) => p.code)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1"]);
    expect(periodContaining("quarter", TODAY).code).toBe("2026-Q4");
  });
});

describe("whole months of a period (the monthly sums)", () => {
  it("covers months, quarters and years whole, and leaves a year to date's current month to the days", async () => {
    const { wholeMonths } = await import("./indicators.repository.ts");
    expect(wholeMonths("2026-11-01", "2026-11-30")).toEqual({ from: "2026-11-01", to: "2026-11-01" });
    expect(wholeMonths("2026-10-01", "2026-12-31")).toEqual({ from: "2026-10-01", to: "2026-12-01" });
    expect(wholeMonths("2026-01-01", "2026-12-06")).toEqual({ from: "2026-01-01", to: "2026-11-01" });
    expect(wholeMonths("2026-02-10", "2026-02-20")).toBeNull();
    expect(wholeMonths("2025-12-15", "2026-02-28")).toEqual({ from: "2026-01-01", to: "2026-02-01" });
  });
});
