// Every address of the indicators module in one place, so that parts link to each other without guessing. Unit
// codes: a province (2 digits), a commune (5) or a village (commune + ".NNN"). Query strings carry ?set=&period=.
export const indicatorPaths = {
  // dashboards/: the officer's dashboard (their unit), any unit's dashboard, one indicator over time and children,
  // the records behind a number, the public page of a commune and of a province.
  office: "/office/indicators",
  unit: (unit: string) => `/office/indicators/u/${encodeURIComponent(unit)}`,
  indicator: (unit: string, set: string, indicator: string) => `/office/indicators/u/${encodeURIComponent(unit)}/${set}/${indicator}`,
  records: (unit: string, element: string) => `/office/indicators/u/${encodeURIComponent(unit)}/records/${element}`,
  publicIndex: "/indicators",
  publicUnit: (unit: string) => `/indicators/${encodeURIComponent(unit)}`,
  // entry/: manual values of a unit and period, the review queue, late and missing entries.
  entry: "/office/indicators/entry",
  entryForm: (unit: string, period: string) => `/office/indicators/entry/${encodeURIComponent(unit)}/${period}`,
  evidence: (id: string) => `/office/indicators/evidence/${id}`,
  review: "/office/indicators/review",
  entryStatus: "/office/indicators/entry/status",
  // elements/: the computed data elements and their refresh ("refresh now" is a POST to the same address).
  elements: "/office/indicators/elements",
  // sets/: the sets, one set (versions, import, export), targets and thresholds.
  sets: "/office/indicators/sets",
  set: (key: string) => `/office/indicators/sets/${key}`,
  setImport: "/office/indicators/sets/import",
  setExport: (key: string, format: "json" | "xlsx") => `/office/indicators/sets/${key}/export.${format}`,
  targets: (key: string) => `/office/indicators/sets/${key}/targets`,
  // exports/: the downloads of a dashboard and the scheduled monthly report.
  exportFile: (unit: string, format: "xlsx" | "csv" | "pdf") => `/office/indicators/u/${encodeURIComponent(unit)}/export.${format}`,
  scheduledReports: "/office/indicators/reports",
  scheduledReportEnd: (id: string) => `/office/indicators/reports/${id}/end`,
  scheduledReportFile: (run: string, format: "pdf" | "xlsx") => `/office/indicators/reports/runs/${run}/report.${format}`,
} as const;
