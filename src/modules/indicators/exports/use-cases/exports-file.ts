// A download of a unit's indicators as XLSX, CSV or PDF (the office's link and /api/v1 for the operations centre).
// Figures only, no personal data: nothing is audited for a download (the drill-down to records is, in dashboards/).
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import * as repo from "../../indicators.repository.ts";
import { CSV_MEDIA_TYPE, writeReportCsv } from "../csv-writer.ts";
import { type Issuer, PDF_MEDIA_TYPE, writeReportPdf } from "../pdf-writer.ts";
import { fileStem } from "../report-text.ts";
import { XLSX_MEDIA_TYPE, writeReportXlsx } from "../xlsx-writer.ts";
import { buildReport, type ReportData, type ReportRequest } from "./exports-build.ts";

export const EXPORT_FORMATS = ["xlsx", "csv", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportFile = { bytes: Uint8Array; mediaType: string; filename: string };

/** The People's Committee that signs a unit's report: its own, or for a village its commune's. */
export async function issuerOf(deps: Pick<Deps, "db">, unit: repo.UnitRef): Promise<Issuer> {
  if (unit.level !== "village" || !unit.parentCode) return { committee: unit };
  return { committee: (await repo.unitRef(deps.db, unit.parentCode)) ?? unit };
}

export async function renderReport(deps: Pick<Deps, "db">, data: ReportData, format: ExportFormat, setKey: string | null): Promise<ExportFile> {
  const stem = fileStem(data.unit.code, setKey, data.period);
  if (format === "csv") return { bytes: writeReportCsv(data), mediaType: CSV_MEDIA_TYPE, filename: `${stem}.csv` };
  if (format === "xlsx") return { bytes: await writeReportXlsx(data), mediaType: XLSX_MEDIA_TYPE, filename: `${stem}.xlsx` };
  const pdf = await writeReportPdf(data, await issuerOf(deps, data.unit));
  return { bytes: new Uint8Array(pdf), mediaType: PDF_MEDIA_TYPE, filename: `bao-cao-${stem}.pdf` };
}

export async function exportIndicatorsFile(
  deps: Pick<Deps, "db" | "clock">,
  principal: Principal | null,
  format: ExportFormat,
  req: ReportRequest,
): Promise<ExportFile> {
  const data = await buildReport(deps, principal, req);
  return renderReport(deps, data, format, req.set ?? null);
}
