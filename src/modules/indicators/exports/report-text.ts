// Words shared by the three files: names of indicators and elements, periods, values. The files are official
// papers sent upward, so they are written in Vietnamese whatever the viewer's language (as the dossier figures are).
import { translator } from "../../../platform/i18n/i18n.ts";
import { computedElement } from "../elements/element-catalogue.ts";
import { elementName as sharedElementName } from "../element-names.ts";
import type { Period } from "../periods.ts";
import type { CompiledIndicator } from "../set-definition.ts";
import type { ResolvedSet } from "../set-store.ts";
import type { IndicatorValue } from "../use-cases/indicators-compute.ts";

export const t = translator("vi");

/** An element's name in Vietnamese (element-names.ts). */
export const elementName = (set: ResolvedSet, key: string): string => sharedElementName(set, key, t, "vi");

/** A formula with each element key written as "name [key]". */
export function formulaInWords(set: ResolvedSet, source: string): string {
  return source.replace(/[a-z][a-z0-9_]*/g, (k) => (computedElement(k) || set.elements.some((e) => e.key === k) ? `${elementName(set, k)} [${k}]` : k));
}

/** How an indicator's value follows from its numerator and denominator. */
export function ruleInWords(ind: CompiledIndicator): string {
  if (ind.unit === "percent") return t("indicators.exports.rule.percent");
  if (ind.unit === "ratio") return t("indicators.exports.rule.ratio");
  if (ind.unit === "points") return t(ind.denominator ? "indicators.exports.rule.pointsShare" : "indicators.exports.rule.points", { points: ind.points ?? 0 });
  return t("indicators.exports.rule.count");
}

export const unitLabel = (ind: Pick<CompiledIndicator, "unit">) => t(`indicators.unit.${ind.unit}`);

/** "tháng 11 năm 2026", "quý 4 năm 2026", … (inside a sentence). */
export function periodWords(p: Period): string {
  if (p.kind === "month") return t("indicators.exports.period.month", { month: Number(p.code.slice(5, 7)), year: p.year });
  if (p.kind === "quarter") return t("indicators.exports.period.quarter", { quarter: Number(p.code.slice(-1)), year: p.year });
  if (p.kind === "ytd") return t("indicators.exports.period.ytd", { year: p.year, day: p.end.split("-").reverse().join("/") });
  return t("indicators.exports.period.year", { year: p.year });
}

/** A value's text where a number cannot stand: the status (no source yet, no data, not by village). */
export const statusText = (v: IndicatorValue) => t(`indicators.status.${v.status === "ok" ? "noData" : v.status}`);

/** Numbers as Vietnamese write them: 18,5 and 1.234. */
export const vnNumber = (x: number) => x.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

/** A file name's stem: unit code, sets, period. */
export const fileStem = (unitCode: string, setKey: string | null, period: Period) =>
  `chi-so-${unitCode.replace(/\./g, "-")}-${setKey ?? "tat-ca"}-${period.code.toLowerCase()}`;
