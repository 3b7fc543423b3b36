// What each figure is called and how it is computed: one list for the page, the spreadsheet and the docs.
import type { MessageKey } from "../../platform/i18n/i18n.ts";
import type { Figures } from "./dossier-stats.contract.ts";

export type MetricKind = "count" | "share" | "decimal";
export type Metric = { key: keyof Figures; label: MessageKey; kind: MetricKind };

/** Every figure in the order of the spreadsheet's columns. */
export const METRICS: readonly Metric[] = [
  { key: "received", label: "stats.col.received", kind: "count" },
  { key: "online", label: "stats.col.online", kind: "count" },
  { key: "onlineOffered", label: "stats.col.onlineOffered", kind: "count" },
  { key: "onlineShare", label: "stats.col.onlineShare", kind: "share" },
  { key: "finished", label: "stats.col.finished", kind: "count" },
  { key: "refused", label: "stats.col.refused", kind: "count" },
  { key: "early", label: "stats.col.early", kind: "count" },
  { key: "onTime", label: "stats.col.onTime", kind: "count" },
  { key: "late", label: "stats.col.late", kind: "count" },
  { key: "onTimeShare", label: "stats.col.onTimeShare", kind: "share" },
  { key: "withdrawn", label: "stats.col.withdrawn", kind: "count" },
  { key: "inProgress", label: "stats.col.inProgress", kind: "count" },
  { key: "overdue", label: "stats.col.overdue", kind: "count" },
  { key: "digitised", label: "stats.col.digitised", kind: "count" },
  { key: "digitisedShare", label: "stats.col.digitisedShare", kind: "share" },
  { key: "originalSeen", label: "stats.col.originalSeen", kind: "count" },
  { key: "vaultReused", label: "stats.col.vaultReused", kind: "count" },
  { key: "vaultReusedShare", label: "stats.col.vaultReusedShare", kind: "share" },
  { key: "resultDigitised", label: "stats.col.resultDigitised", kind: "count" },
  { key: "resultDigitisedShare", label: "stats.col.resultDigitisedShare", kind: "share" },
  { key: "withFee", label: "stats.col.withFee", kind: "count" },
  { key: "feePaid", label: "stats.col.feePaid", kind: "count" },
  { key: "cashless", label: "stats.col.cashless", kind: "count" },
  { key: "cashlessShare", label: "stats.col.cashlessShare", kind: "share" },
  { key: "avgProcessingDays", label: "stats.col.avgDays", kind: "decimal" },
  { key: "ratings", label: "stats.col.ratings", kind: "count" },
  { key: "avgRating", label: "stats.col.avgRating", kind: "decimal" },
  { key: "goodRatings", label: "stats.col.goodRatings", kind: "count" },
  { key: "goodRatingShare", label: "stats.col.goodRatingShare", kind: "share" },
];

/** The "how it is computed" section, term then definition. */
export const DEFINITIONS: readonly [MessageKey, MessageKey][] = [
  ["stats.term.received", "stats.def.received"],
  ["stats.term.online", "stats.def.online"],
  ["stats.term.finished", "stats.def.finished"],
  ["stats.term.refused", "stats.def.refused"],
  ["stats.term.onTime", "stats.def.onTime"],
  ["stats.term.inProgress", "stats.def.inProgress"],
  ["stats.term.digitised", "stats.def.digitised"],
  ["stats.term.originalSeen", "stats.def.originalSeen"],
  ["stats.term.vaultReused", "stats.def.vaultReused"],
  ["stats.term.resultDigitised", "stats.def.resultDigitised"],
  ["stats.term.cashless", "stats.def.cashless"],
  ["stats.term.avgDays", "stats.def.avgDays"],
  ["stats.term.satisfaction", "stats.def.satisfaction"],
];
