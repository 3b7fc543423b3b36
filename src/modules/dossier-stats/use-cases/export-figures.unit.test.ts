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
      basis: "received",
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

  it("names the unit and the period in a title row and prints landscape, fit to the page's width", async () => {
    const figures = Object.fromEntries(Object.keys(Figures.shape).map((k) => [k, 1])) as Figures;
    const report: FiguresReport = { from: "2026-01-01", to: "2026-03-31", commune: "02923", groupBy: "commune", basis: "decided", totals: figures, rows: [] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeFiguresXlsx(report, "Xã Gia Phú")) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Số liệu")!;
    expect(ws.getCell("A1").value).toBe("Số liệu giải quyết hồ sơ – Xã Gia Phú – quyết định từ 01/01/2026 đến 31/03/2026");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
  });
});
