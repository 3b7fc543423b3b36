/** Citizen reports (phản ánh hiện trường): report, handle, answer in public, Open311 (docs/reports.md). */
export { type ReportStatus, REPORT_STATUSES, open311Status } from "./reports.model.ts";
export { submitReport, checkReport, type ReportCtx, type SubmitReportInput, type SubmitReportResult } from "./use-cases/report-submit.ts";
