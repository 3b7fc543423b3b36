// The CSV: UTF-8 with a byte-order mark (so that Excel reads the Vietnamese right), one row per unit × indicator,
// numbers with a point as decimal separator, text neutralised against formula injection.
import { neutraliseFormula } from "../../../platform/text/spreadsheet-cell.ts";
import { statusText, t, unitLabel } from "./report-text.ts";
import type { ReportData } from "./use-cases/exports-build.ts";

export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";

const cell = (v: string | number | null): string => {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  const s = neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeReportCsv(data: ReportData): Uint8Array {
  const head = [
    "unitCode",
    "unit",
    "set",
    "indicatorKey",
    "indicator",
    "unitOfMeasure",
    "period",
    "status",
    "value",
    "numerator",
    "denominator",
    "target",
    "assessment",
  ].map((k) => t(`indicators.exports.csv.${k}` as Parameters<typeof t>[0]));
  const lines = [head.map(cell).join(",")];
  for (const r of data.results) {
    const names = new Map(r.set.compiled.map((i) => [i.key, i] as const));
    for (const row of r.rows) {
      for (const v of row.indicators) {
        const ind = names.get(v.key)!;
        lines.push(
          [
            row.unit.code,
            row.unit.name,
            r.set.key,
            v.key,
            ind.name,
            unitLabel(ind),
            data.period.code,
            v.status === "ok" ? t("indicators.exports.statusOk") : statusText(v),
            v.value,
            v.numerator,
            v.denominator,
            v.target,
            v.colour ? t(`indicators.colour.${v.colour}`) : null,
          ]
            .map(cell)
            .join(","),
        );
      }
    }
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}
