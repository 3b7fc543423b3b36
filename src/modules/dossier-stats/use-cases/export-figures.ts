// The figures as a spreadsheet for reports: a sheet of rows (and the total) and a sheet of definitions.
// Headers are Vietnamese, whatever the viewer's language: the file goes into official reports. Every text cell
// goes through safeCells (names come from the catalogue and the unit list: never a formula).
import { loadExcelJS } from "../../../platform/files/exceljs.ts";
import type { Deps } from "../../../deps.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { neutraliseFormula, safeCells } from "../../../platform/text/spreadsheet-cell.ts";
import { scopePaths } from "../../../platform/auth/authorise.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import type { Figures, FiguresReport } from "../dossier-stats.contract.ts";
import { DEFINITIONS, METRICS } from "../dossier-stats.definitions.ts";
import { computeFigures, type FiguresInput, type StatsContext } from "./compute-figures.ts";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FORMAT: Record<"count" | "share" | "decimal", string> = { count: "#,##0", share: "0.0%", decimal: "0.0" };

type D = Pick<Deps, "db" | "config" | "clock">;

export async function exportFigures(deps: D, ctx: StatsContext, input: FiguresInput): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const report = await computeFigures(deps, ctx, input);
  // The unit's name for the title: the one chosen, else the viewer's only unit (a commune officer's own commune).
  const only = ctx.principal ? scopePaths(ctx.principal, "stats.read") : [];
  const code = report.commune ?? (only.length === 1 ? only[0]!.split("/").filter(Boolean).at(-1) : undefined);
  const scope = code ? (await getAdminUnit(deps, code)).fullName : null;
  const bytes = await writeFiguresXlsx(report, scope);
  const filename = `so-lieu-ho-so-${report.commune ?? "tat-ca"}-${report.from}-${report.to}.xlsx`;
  return { bytes, mediaType: XLSX_MEDIA_TYPE, filename };
}

const dmy = (day: string) => day.split("-").reverse().join("/");

export async function writeFiguresXlsx(report: FiguresReport, scopeName: string | null): Promise<Uint8Array> {
  const t = translator("vi");
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = "XãSố";

  const byProcedure = report.groupBy === "procedure";
  const keyCols = byProcedure
    ? [
        { header: t("stats.col.procedureCode"), width: 12 },
        { header: t("stats.col.procedure"), width: 48 },
        { header: t("stats.col.field"), width: 18 },
      ]
    : [
        { header: t("stats.col.communeCode"), width: 12 },
        { header: t("stats.col.commune"), width: 32 },
      ];
  // Printed for the report file: landscape, every column on the page's width (as many pages down as needed), the
  // title and header rows repeated on each page.
  const ws = wb.addWorksheet(t("stats.sheet.figures"), {
    views: [{ state: "frozen", ySplit: 2, xSplit: keyCols.length }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" },
  });
  const title = t("stats.sheet.title", {
    scope: scopeName ?? t("stats.field.communeAll"),
    basis: t(`stats.basisTitle.${report.basis}`),
    from: dmy(report.from),
    to: dmy(report.to),
  });
  ws.addRow(safeCells([title])).font = { bold: true, size: 13 };
  const header = ws.addRow(safeCells([...keyCols.map((c) => c.header), ...METRICS.map((m) => t(m.label))]));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  keyCols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (i === 0) col.numFmt = "@"; // codes like 1.001193 or 02923 stay text
  });
  METRICS.forEach((m, i) => {
    const col = ws.getColumn(keyCols.length + i + 1);
    col.width = 14;
    col.numFmt = FORMAT[m.kind];
  });

  const values = (f: Figures) => METRICS.map((m) => f[m.key] ?? null);
  const fieldLabel = (field: string | null) => (field ? t(`procedures.field.${field}` as Parameters<typeof t>[0]) : null);
  for (const r of report.rows) {
    ws.addRow(safeCells([r.key, r.label, ...(byProcedure ? [fieldLabel(r.field)] : []), ...values(r)]));
  }
  const total = ws.addRow(safeCells([null, t("stats.total"), ...(byProcedure ? [null] : []), ...values(report.totals)]));
  total.font = { bold: true };

  const defs = wb.addWorksheet(t("stats.sheet.definitions"));
  defs.columns = [
    { header: neutraliseFormula(t("stats.sheet.term")), width: 36 },
    { header: neutraliseFormula(t("stats.sheet.definition")), width: 110 },
  ];
  defs.getRow(1).font = { bold: true };
  defs.addRow(safeCells([null, t("stats.def.intro")]));
  for (const [term, def] of DEFINITIONS) defs.addRow(safeCells([t(term), t(def)]));
  defs.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
