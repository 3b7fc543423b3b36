// The workbook: one sheet per set (a row per unit; for each indicator its value, numerator and denominator, as
// numbers) and a sheet explaining every formula in words with the elements' names. exceljs is loaded when a file is
// asked for, not at start-up. Every text cell goes through safeCells (set and unit names are typed by people).
import { safeCells } from "../../../platform/text/spreadsheet-cell.ts";
import { elementName, formulaInWords, periodWords, ruleInWords, statusText, t, unitLabel } from "./report-text.ts";
import type { ReportData } from "./use-cases/exports-build.ts";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Excel refuses \ / ? * [ ] : in a sheet's name and more than 31 characters. */
export const HOW_SHEET = "Cách tính (How computed)";

function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[\\/?*[\]:]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 28) || "Bộ chỉ số";
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()) || n === HOW_SHEET; i++) n = `${base.slice(0, 27)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

export async function writeReportXlsx(data: ReportData): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "XãSố";
  wb.created = data.generatedAt;
  const taken = new Set<string>();
  for (const r of data.results) {
    const set = r.set;
    const ws = wb.addWorksheet(sheetName(set.name, taken), {
      views: [{ state: "frozen", ySplit: 2, xSplit: 2 }],
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" },
    });
    ws.addRow(safeCells([t("indicators.exports.sheetTitle", { set: set.name, unit: data.unit.name, period: periodWords(data.period) })])).font = {
      bold: true,
      size: 13,
    };
    const head: string[] = [t("indicators.exports.col.unitCode"), t("indicators.exports.col.unit")];
    if (set.index) head.push(t("indicators.exports.col.index"), t("indicators.exports.col.indexMax"));
    for (const ind of set.compiled) {
      head.push(
        `${ind.name} (${unitLabel(ind)})`,
        `${ind.name}: ${t("indicators.exports.col.numerator")}`,
        `${ind.name}: ${t("indicators.exports.col.denominator")}`,
      );
    }
    const header = ws.addRow(safeCells(head));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "top" };
    ws.getColumn(1).numFmt = "@";
    ws.getColumn(1).width = 12;
    ws.getColumn(2).width = 30;
    for (let c = 3; c <= head.length; c++) ws.getColumn(c).width = 14;
    for (const row of r.rows) {
      const cells: (string | number | null)[] = [row.unit.code, row.unit.name];
      if (set.index) cells.push(row.index, row.indexMax);
      for (const v of row.indicators) cells.push(v.status === "ok" ? v.value : statusText(v), v.numerator, v.denominator);
      ws.addRow(safeCells(cells));
    }
  }
  writeHowSheet(wb.addWorksheet(HOW_SHEET), data);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Sheet = import("exceljs").Worksheet;

function writeHowSheet(ws: Sheet, data: ReportData): void {
  ws.columns = [
    { header: t("indicators.exports.how.set"), width: 24 },
    { header: t("indicators.exports.how.key"), width: 18 },
    { header: t("indicators.exports.how.indicator"), width: 36 },
    { header: t("indicators.exports.how.unit"), width: 10 },
    { header: t("indicators.exports.col.numerator"), width: 48 },
    { header: t("indicators.exports.col.denominator"), width: 48 },
    { header: t("indicators.exports.how.rule"), width: 40 },
    { header: t("indicators.exports.how.direction"), width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  // The header row came from ws.columns: neutralise it too (it is the catalogue's, but the rule is every cell).
  ws.getRow(1).values = safeCells(ws.columns.map((c) => String(c.header ?? "")));
  ws.addRow(safeCells([t("indicators.exports.how.intro")]));
  for (const r of data.results) {
    const set = r.set;
    for (const ind of set.compiled) {
      ws.addRow(
        safeCells([
          set.name,
          ind.key,
          ind.name,
          unitLabel(ind),
          formulaInWords(set, ind.numerator),
          ind.denominator ? formulaInWords(set, ind.denominator) : "",
          ruleInWords(ind),
          t(`indicators.direction.${ind.direction}`),
        ]),
      );
    }
    const manual = set.elements.filter((e) => set.manualKeys.has(e.key));
    for (const e of manual) ws.addRow(safeCells([set.name, e.key, elementName(set, e.key), "", t("indicators.exports.how.manual"), "", "", ""]));
  }
  for (const c of [3, 5, 6, 7]) ws.getColumn(c).alignment = { wrapText: true, vertical: "top" };
}
