import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreNeutralised, safeCell, safeCells } from "./spreadsheet-cell.ts";

describe("spreadsheet cells", () => {
  it("prefixes an apostrophe to text that a spreadsheet would take for a formula, and to nothing else", () => {
    for (const risky of ["=1+1", '=HYPERLINK("http://x.example","bấm")', "+84 912", "-2 ngày", "@SUM(A1)", "\t=1", "\r=1", "'=1", "''-x"]) {
      expect(neutraliseFormula(risky)).toBe(`'${risky}`);
    }
    for (const plain of ["Đăng ký khai sinh", "1.001193", "a=b", " =1", "'quoted", "", "5 000 đ"]) expect(neutraliseFormula(plain)).toBe(plain);
  });

  it("leaves numbers numbers, negative ones included; only text is touched", () => {
    expect(safeCells(["-5", -5, 0, true, null, "=x"])).toEqual(["'-5", -5, 0, true, null, "'=x"]);
    const day = new Date("2026-01-02T00:00:00Z");
    expect(safeCell(day)).toBe(day);
  });

  it("restores exactly what was written, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", " ", "ạ") }), (s) => {
        expect(restoreNeutralised(neutraliseFormula(s))).toBe(s);
        expect(neutraliseFormula(s)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
