// The hall's figures as one CSV (UTF-8 with BOM, so that Excel reads the Vietnamese names): a line per group and view.
import { neutraliseFormula } from "../../../platform/text/spreadsheet-cell.ts";
import type { HallFigures } from "./figures.contract.ts";

const VIEWS = ["totals", "byCounter", "byService", "byProcedure", "byHour", "byDay", "bySource"] as const;
const cell = (v: string | number | null) => {
  const safe = v === null ? "" : typeof v === "number" ? String(v) : neutraliseFormula(v);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function figuresCsv(f: HallFigures): string {
  const head = [
    "view",
    "key",
    "label",
    "tickets",
    "served",
    "no_shows",
    "cancelled",
    "wait_count",
    "wait_median_s",
    "wait_average_s",
    "wait_p90_s",
    "service_count",
    "service_median_s",
    "service_average_s",
    "service_p90_s",
  ];
  const lines = [head.join(",")];
  for (const view of VIEWS) {
    const rows = view === "totals" ? [f.totals] : f[view];
    for (const r of rows) {
      lines.push(
        [view, r.key, r.label, r.tickets, r.served, r.noShows, r.cancelled, r.waiting.count, r.waiting.median, r.waiting.average, r.waiting.p90]
          .concat([r.service.count, r.service.median, r.service.average, r.service.p90])
          .map(cell)
          .join(","),
      );
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
