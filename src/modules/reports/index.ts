/** Citizen reports (phản ánh hiện trường): report, handle, answer in public, Open311 (docs/reports.md). */
export { type ReportStatus, REPORT_STATUSES, open311Status } from "./reports.model.ts";
export { submitReport, checkReport, type ReportCtx, type SubmitReportInput, type SubmitReportResult } from "./use-cases/report-submit.ts";
export { type ActiveCategory, activeCategories } from "./use-cases/categories-active.ts";
export { ensureDefaultCategories } from "./use-cases/categories-ensure-defaults.ts";
export { ensureServedProvinceCategories } from "./use-cases/categories-ensure-defaults.ts";
export type { CategoryAttribute } from "./categories/categories.contract.ts";
export { type ReportFigures, reportFigures } from "./use-cases/figures-compute.ts";
/** Demo data (src/demo/seed-reports.ts). */
export { type DemoReport, seedDemoReports } from "./use-cases/desk-demo-reports.ts";
export { ensureReportArea } from "./use-cases/area-seed.ts";
