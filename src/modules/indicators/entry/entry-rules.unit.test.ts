// The entry part's pure rules: values typed as officers type them, the state of a period, due periods and lateness.
import { describe, expect, it } from "vitest";
import { duePeriods, dueBy, isLate, parseValue, periodState } from "./entry-rules.ts";
import type { ManualElement } from "../set-definition.ts";

const el = (over: Partial<ManualElement>): ManualElement => ({
  key: "x",
  name: "X",
  nameEn: "X",
  valueType: "number",
  aggregation: "sum",
  frequency: "month",
  evidenceRequired: false,
  ...over,
});
const value = (raw: string | number, e: Partial<ManualElement> = {}) => {
  const r = parseValue(raw, el(e), "x.value");
  return r.ok ? r.value : r.error.code;
};

describe("entry rules", () => {
  it("reads a decimal comma or point, and refuses thousands separators and words", () => {
    expect(value("12,5")).toBe(12.5);
    expect(value(" 12.5 ")).toBe(12.5);
    expect(value("")).toBeNull();
    expect(value("1.000,5")).toBe("number");
    expect(value("mười")).toBe("number");
    expect(value("1e3")).toBe("number");
  });

  it("checks integers, percentages and the element's range", () => {
    expect(value("2,5", { valueType: "integer" })).toBe("integer");
    expect(value(7, { valueType: "integer" })).toBe(7);
    expect(value("100,1", { valueType: "percent" })).toBe("max");
    expect(value(-1, { valueType: "percent" })).toBe("min");
    expect(value(3, { min: 5 })).toBe("min");
    expect(value(50, { max: 40 })).toBe("max");
  });

  it("sums up a period from its values: missing, draft, returned, submitted, approved", () => {
    const due = ["a", "b"];
    expect(periodState(due, new Map())).toBe("missing");
    expect(periodState(due, new Map([["a", "approved"]]))).toBe("draft");
    expect(
      periodState(
        due,
        new Map([
          ["a", "approved"],
          ["b", "returned"],
        ]),
      ),
    ).toBe("returned");
    expect(
      periodState(
        due,
        new Map([
          ["a", "approved"],
          ["b", "submitted"],
        ]),
      ),
    ).toBe("submitted");
    expect(
      periodState(
        due,
        new Map([
          ["a", "approved"],
          ["b", "approved"],
        ]),
      ),
    ).toBe("approved");
  });

  it("is due on the 5th after a period ends, and late after it unless sent", () => {
    const oct = { end: "2026-10-31" };
    expect(dueBy(oct)).toBe("2026-11-05");
    expect(isLate("missing", oct, "2026-11-05")).toBe(false);
    expect(isLate("missing", oct, "2026-11-06")).toBe(true);
    expect(isLate("submitted", oct, "2026-11-06")).toBe(false);
    expect(isLate("returned", oct, "2026-11-06")).toBe(true);
  });

  it("lists the current period and those before it, or ended ones only", () => {
    expect(duePeriods(new Set(["month"]), "2026-11-23").map((p) => p.code)).toEqual(["2026-11", "2026-10", "2026-09", "2026-08"]);
    expect(duePeriods(new Set(["quarter", "year"]), "2026-11-23", { endedOnly: true }).map((p) => p.code)).toEqual([
      "2026-Q3",
      "2026-Q2",
      "2026-Q1",
      "2025",
      "2024",
    ]);
  });
});
