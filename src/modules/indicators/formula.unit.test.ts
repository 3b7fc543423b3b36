// Formulas are arithmetic over element keys and nothing else: calls, members, strings and comparisons are refused;
// a missing value or a division by zero gives no value (never 0 or Infinity); always-zero denominators are caught.
import { describe, expect, it } from "vitest";
import { alwaysZero, evaluate, FormulaError, parseFormula } from "./formula.ts";

const values = (o: Record<string, number | null>) => new Map(Object.entries(o));

describe("indicator formulas", () => {
  it("evaluates + - * / with precedence and parentheses over element values", () => {
    const f = parseFormula("(dossier_digitised + dossier_result_digitised) * 100 / (dossier_received + dossier_decided) - -1");
    expect(f.elements.sort()).toEqual(["dossier_decided", "dossier_digitised", "dossier_received", "dossier_result_digitised"]);
    expect(evaluate(f.root, values({ dossier_digitised: 3, dossier_result_digitised: 5, dossier_received: 10, dossier_decided: 6 }))).toBe(51);
  });

  it("gives no value when an element has none or a division is by zero", () => {
    const f = parseFormula("a / b");
    expect(evaluate(f.root, values({ a: 1, b: 0 }))).toBeNull();
    expect(evaluate(f.root, values({ a: 1 }))).toBeNull();
    expect(evaluate(f.root, values({ a: null, b: 2 }))).toBeNull();
  });

  it("refuses anything but arithmetic: calls, members, strings, comparisons, empty input", () => {
    for (const src of ["process.exit(1)", "a.b", "'x'", "a > b", "a ? b : c", "[a]", "", "a +", "a && b"]) {
      expect(() => parseFormula(src), src).toThrow(FormulaError);
    }
  });

  it("finds denominators that are zero whatever the elements hold", () => {
    expect(alwaysZero(parseFormula("0"))).toBe(true);
    expect(alwaysZero(parseFormula("a - a"))).toBe(true);
    expect(alwaysZero(parseFormula("a * 0 + (b - b)"))).toBe(true);
    expect(alwaysZero(parseFormula("a - b"))).toBe(false);
    expect(alwaysZero(parseFormula("a"))).toBe(false);
  });
});
