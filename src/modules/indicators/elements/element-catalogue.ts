// The computed data elements (số liệu thành phần): what XãSố counts from the work itself. Each is refreshed into
// indicator_daily_facts from a view its source module publishes (elements/element-sources.ts). An element whose
// module has not landed yet is listed with landed: false: indicators over it read "no source yet", never zero.
// Manual elements are not here: a set defines them (set-definition.ts), because only a province knows what it asks.

export type ElementAggregation = "sum" | "last";
export type ElementLevel = "commune" | "village";
export type ElementSource =
  | "dossiers"
  | "procedures"
  | "registry"
  | "outreach"
  | "reports"
  | "notices"
  | "hall"
  | "traceability"
  | "meetings"
  | "correspondence";

export type ComputedElement = {
  key: string;
  source: ElementSource;
  /** sum: counted over the period's days; last: a stock, read at the period's end. */
  aggregation: ElementAggregation;
  /** The finest unit the source knows: facts of village elements roll up to the commune and the province. */
  level: ElementLevel;
  /** False while the source module is not part of XãSố yet. */
  landed: boolean;
};

const el = (key: string, source: ElementSource, aggregation: ElementAggregation, level: ElementLevel, landed = true): ComputedElement => ({
  key,
  source,
  aggregation,
  level,
  landed,
});

export const COMPUTED_ELEMENTS: readonly ComputedElement[] = [
  // One-stop desk (dossier_facts): counted on the day received, decided or paid.
  el("dossier_received", "dossiers", "sum", "commune"),
  el("dossier_received_online", "dossiers", "sum", "commune"),
  el("dossier_received_online_offered", "dossiers", "sum", "commune"),
  el("dossier_decided", "dossiers", "sum", "commune"),
  el("dossier_decided_on_time", "dossiers", "sum", "commune"),
  el("dossier_decided_late", "dossiers", "sum", "commune"),
  el("dossier_digitised", "dossiers", "sum", "commune"),
  el("dossier_result_digitised", "dossiers", "sum", "commune"),
  el("dossier_vault_reused", "dossiers", "sum", "commune"),
  el("dossier_fee_due", "dossiers", "sum", "commune"),
  el("dossier_fee_paid_online", "dossiers", "sum", "commune"),
  el("dossier_rated", "dossiers", "sum", "commune"),
  el("dossier_rated_satisfied", "dossiers", "sum", "commune"),
  // Procedures offered by the commune (procedure_refs): stocks.
  el("procedure_published", "procedures", "last", "commune"),
  el("procedure_online_full", "procedures", "last", "commune"),
  el("procedure_online_any", "procedures", "last", "commune"),
  // Household registry and the community digital teams (coverage rollups): stocks per village.
  el("household_count", "registry", "last", "village"),
  el("household_proficient", "outreach", "last", "village"),
  el("household_visited_year", "outreach", "last", "village"),
  el("adult_count", "registry", "last", "village"),
  el("adult_vneid_level2", "outreach", "last", "village"),
  el("adult_cashless_payment", "outreach", "last", "village"),
  el("adult_online_public_service", "outreach", "last", "village"),
  el("adult_online_shopping", "outreach", "last", "village"),
  el("visit_count", "outreach", "sum", "village"),
  // Citizen reports: counted on the day received or answered.
  el("report_received", "reports", "sum", "village"),
  el("report_answered", "reports", "sum", "village"),
  el("report_answered_on_time", "reports", "sum", "village"),
  el("report_confirmed", "reports", "sum", "village"),
  el("report_rated", "reports", "sum", "village"),
  el("report_rated_satisfied", "reports", "sum", "village"),
  // Notices to residents.
  el("notice_published", "notices", "sum", "commune"),
  el("notice_delivery_sent", "notices", "sum", "commune"),
  el("notice_delivery_delivered", "notices", "sum", "commune"),
  // The commune hall's queue.
  el("hall_ticket_served", "hall", "sum", "commune"),
  // Parts of the platform still to come (#14 onwards): no source yet.
  el("ocop_product_traceable", "traceability", "last", "commune", false),
  el("meeting_paperless", "meetings", "sum", "commune", false),
  el("document_signed_digitally", "correspondence", "sum", "commune", false),
];

export const computedElement = (key: string): ComputedElement | undefined => COMPUTED_ELEMENTS.find((e) => e.key === key);
