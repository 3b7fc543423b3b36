// Coverage and the gap list as one workbook for the next round's plan: a sheet of figures (the unit's total and
// one row per commune, village or team) and a sheet of who still needs what. Headers in Vietnamese (the file goes
// into reports); every text cell through safeCells (names and addresses are typed by people: never a formula).
import { loadExcelJS } from "../../../platform/files/exceljs.ts";
import type { Deps } from "../../../deps.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { safeCells } from "../../../platform/text/spreadsheet-cell.ts";
import type { CoverageFigures, CoverageReport, GapsReport } from "../coverage/coverage.contract.ts";
import { computeCoverage } from "./coverage-compute.ts";
import { type GapsInput, listGaps } from "./coverage-gaps.ts";
import type { CoverageContext, D } from "./coverage-scope.ts";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function exportCoverage(
  deps: D & Pick<Deps, "events">,
  ctx: CoverageContext,
  input: GapsInput & { staleDays: number },
): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const report = await computeCoverage(deps, ctx, { ...(input.unit ? { unit: input.unit } : {}), staleDays: input.staleDays });
  const gaps = await listGaps(deps, ctx, { ...input, unit: report.unit.code });
  const bytes = await writeCoverageXlsx(report, gaps);
  return { bytes, mediaType: XLSX_MEDIA_TYPE, filename: `do-phu-ky-nang-so-${report.unit.code}-${report.today}.xlsx` };
}

const dmy = (day: string | null) => (day ? day.split("-").reverse().join("/") : null);

export async function writeCoverageXlsx(report: CoverageReport, gaps: GapsReport): Promise<Uint8Array> {
  const t = translator("vi");
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = "XãSố";
  const ws = wb.addWorksheet(t("coverage.sheet.coverage"), {
    views: [{ state: "frozen", ySplit: 2, xSplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" },
  });
  ws.addRow(safeCells([t("coverage.sheet.title", { scope: report.unit.name })])).font = { bold: true, size: 13 };
  const header = ws.addRow(
    safeCells([
      t("coverage.col.unit"),
      t("coverage.col.households"),
      t("coverage.col.proficient"),
      "%",
      t("coverage.col.never"),
      t("coverage.col.stale", { days: report.staleDays }),
      t("coverage.col.adults"),
      ...report.skills.flatMap((s) => [s.labelVi, "%"]),
    ]),
  );
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  ws.getColumn(1).width = 32;
  for (let i = 2; i <= 7 + report.skills.length * 2; i++) ws.getColumn(i).width = 14;
  const shareCols = [4, ...report.skills.map((_, i) => 9 + i * 2)];
  for (const c of shareCols) ws.getColumn(c).numFmt = "0.0%";
  const values = (f: CoverageFigures) => [
    f.households,
    f.proficientHouseholds,
    f.proficientShare,
    f.neverVisited,
    f.staleVisited,
    f.adults,
    ...f.skills.flatMap((s) => [s.adults, s.share]),
  ];
  for (const r of report.rows) ws.addRow(safeCells([r.kind === "unassigned" ? t("coverage.unassigned") : r.name, ...values(r)]));
  ws.addRow(safeCells([t("coverage.total"), ...values(report.total)])).font = { bold: true };

  const label = new Map(gaps.skills.map((s) => [s.key, s.labelVi]));
  const gs = wb.addWorksheet(t("coverage.sheet.gaps"), {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  gs.columns = [
    { header: t("coverage.gaps.col.village"), width: 22 },
    { header: t("coverage.gaps.col.address"), width: 30 },
    { header: t("coverage.gaps.col.name"), width: 28 },
    { header: t("coverage.gaps.col.birthYear"), width: 10 },
    { header: t("coverage.gaps.col.missing"), width: 60 },
    { header: t("coverage.gaps.col.lastVisit"), width: 16 },
  ];
  gs.getRow(1).font = { bold: true };
  for (const g of gaps.rows) {
    gs.addRow(
      safeCells([
        g.villageName,
        g.address,
        g.fullName,
        g.birthYear,
        g.missing.map((k) => label.get(k) ?? k).join("; "),
        dmy(g.lastVisitOn) ?? t("coverage.gaps.never"),
      ]),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
