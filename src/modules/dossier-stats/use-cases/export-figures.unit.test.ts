import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Figures, type FiguresReport } from "../dossier-stats.contract.ts";
import { writeFiguresXlsx } from "./export-figures.ts";

describe("figures workbook", () => {
  it("writes names that a spreadsheet would run as formulas behind an apostrophe, and the figures as numbers", async () => {
    const figures = Object.fromEntries(Object.keys(Figures.shape).map((k) => [k, 3])) as Figures;
    const row = (key: string, label: string) => ({ ...figures, key, label, labelEn: null, field: "civilStatus" });
    const report: FiguresReport = {
      from: "2026-01-01",
      to: "2026-12-31",
      commune: null,
      groupBy: "procedure",
      totals: figures,
      rows: [row("1.000001", '=HYPERLINK("http://evil.example","Bấm")'), row("-1", "@cmd"), row("1.000002", "Đăng ký khai sinh")],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeFiguresXlsx(report, "Xã Thử")) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    const numbers: unknown[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((r, line) =>
        r.eachCell((cell, col) => {
          if (typeof cell.value === "string") texts.push(cell.value);
          else if (ws.name === "Số liệu" && line > 2 && col > 3) numbers.push(cell.value);
        }),
      ),
    );
    expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil.example","Bấm")', "'@cmd", "'-1", "Đăng ký khai sinh"]));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => typeof n === "number")).toBe(true);
  });
});
