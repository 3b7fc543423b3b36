// Where each computed element comes from: the SQL over the views the source modules publish (migrations 0004/0018,
// 0047, 0048) that counts an element per unit and Vietnam day. The refresh (use-cases/facts-refresh.ts) runs these
// set-based, either for a list of (commune, day) pairs touched since its watermark or for a province and a day range.
// docs/indicators/elements.md explains each element: what is counted, on which day, from which view.

/** A Vietnam local day (UTC+7, as dossier_facts and vietnam-time.ts) of a timestamptz expression. */
export const vnDay = (ts: string) => `((${ts} AT TIME ZONE 'UTC') + interval '7 hours')::date`;
/** The instant a Vietnam local day (a date expression) starts. */
const dayStart = (day: string) => `((${day})::timestamp - interval '7 hours') AT TIME ZONE 'UTC'`;

/**
 * How a refresh is scoped. pairs: $1 text[] communes and $2 date[] days, zipped. range: $1 a path prefix pattern
 * ('/15/%'), $2 and $3 the first and last day (a full rebuild passes -infinity and infinity).
 */
export type Scope = "pairs" | "range";

export type CountedOn = "received" | "decided" | "answered" | "confirmed" | "rated" | "published" | "sent" | "delivered" | "ticketDay" | "visited" | "snapshot";

/** One group of elements counted from one view on one event's day: `counts` maps an element to its row filter. */
type Part = {
  /** The event whose Vietnam day the elements count on (shown on the elements page). */
  on: CountedOn;
  from: string;
  /** The event's instant (timestamptz) or, with `dateColumn`, its day (date). */
  at: string;
  dateColumn?: boolean;
  unit: string;
  counts: Record<string, string>;
  /** Rows that count at all (besides having the event). */
  where?: string;
};

function partSql(p: Part, scope: Scope): string {
  const day = p.dateColumn ? p.at : vnDay(p.at);
  const cond: string[] = [`${p.at} IS NOT NULL`, "f.commune_code IS NOT NULL"];
  if (p.where) cond.push(p.where);
  let join = "";
  if (scope === "pairs") {
    const on = p.dateColumn ? `${p.at} = p.day` : `${p.at} >= ${dayStart("p.day")} AND ${p.at} < ${dayStart("p.day + 1")}`;
    join = `JOIN pairs p ON p.commune_code = f.commune_code AND ${on}`;
  } else {
    cond.push("f.unit_path LIKE $1");
    cond.push(p.dateColumn ? `${p.at} BETWEEN $2::date AND $3::date` : `${p.at} >= ${dayStart("$2::date")} AND ${p.at} < ${dayStart("$3::date + 1")}`);
  }
  const keys = Object.keys(p.counts);
  const cols = keys.map((k, i) => `count(*) FILTER (WHERE ${p.counts[k]}) AS e${i}`).join(", ");
  const values = keys.map((k, i) => `('${k}', g.e${i})`).join(", ");
  return `SELECT v.key AS element_key, g.unit_code, g.commune_code, g.province_code, g.day, v.n AS value
    FROM (SELECT ${p.unit} AS unit_code, f.commune_code, split_part(f.unit_path, '/', 2) AS province_code, ${day} AS day, ${cols}
          FROM ${p.from} ${join} WHERE ${cond.join(" AND ")} GROUP BY 1, 2, 3, 4) g
    CROSS JOIN LATERAL (VALUES ${values}) v(key, n) WHERE v.n > 0`;
}

export type SumSource = {
  /** The refresh state's key, and the catalogue's source(s) it covers. */
  name: "dossiers" | "reports" | "notices" | "hall" | "visits";
  parts: Part[];
  /** (commune_code, day) pairs touched by changes after $1 (timestamptz) under the prefix $2. */
  touched: string;
  /** The latest change after $1 under $2: the next watermark. */
  latest: string;
};

const ON_TIME = "f.timing IN ('early', 'onTime')";

export const SUM_SOURCES: readonly SumSource[] = [
  {
    name: "dossiers",
    parts: [
      // Counted on the day the dossier was received.
      {
        on: "received",
        from: "dossier_facts f",
        at: "f.received_at",
        unit: "f.commune_code",
        counts: {
          dossier_received: "true",
          dossier_received_online: "f.channel = 'online'",
          dossier_received_online_offered: "f.online_offered",
          dossier_digitised: "f.digitised",
          dossier_vault_reused: "f.vault_reused",
          dossier_fee_due: "f.fee_due",
          dossier_fee_paid_online: "f.fee_due AND f.fee_cashless",
        },
      },
      // Counted on the day it was decided (a result or a refusal; a withdrawal is no decision).
      {
        on: "decided",
        from: "dossier_facts f",
        at: "f.finished_at",
        unit: "f.commune_code",
        where: "f.outcome IN ('result', 'refused')",
        counts: {
          dossier_decided: "true",
          dossier_decided_on_time: ON_TIME,
          dossier_decided_late: "f.timing = 'late'",
          dossier_result_digitised: "f.result_digitised",
          dossier_rated: "f.rating IS NOT NULL",
          dossier_rated_satisfied: "f.rating >= 4",
        },
      },
    ],
    touched: `WITH ch AS (
        SELECT dossier_id, max(changed_at) AS at FROM dossier_change_refs WHERE changed_at > $1 AND unit_path LIKE $2 GROUP BY 1)
      SELECT DISTINCT f.commune_code, d.day FROM ch JOIN dossier_facts f ON f.dossier_id = ch.dossier_id
      CROSS JOIN LATERAL (VALUES (${vnDay("f.received_at")}), (${vnDay("f.finished_at")}), (${vnDay("ch.at")})) d(day)
      WHERE d.day IS NOT NULL`,
    latest: "SELECT max(changed_at) AS at FROM dossier_change_refs WHERE changed_at > $1 AND unit_path LIKE $2",
  },
  {
    name: "reports",
    parts: [
      {
        on: "received",
        from: "report_facts f",
        at: "f.received_at",
        unit: "coalesce(f.village_code, f.commune_code)",
        counts: { report_received: "true" },
      },
      {
        on: "answered",
        from: "report_facts f",
        at: "f.answered_at",
        unit: "coalesce(f.village_code, f.commune_code)",
        counts: { report_answered: "true", report_answered_on_time: "f.due_at IS NULL OR f.answered_at <= f.due_at" },
      },
      { on: "confirmed", from: "report_facts f", at: "f.confirmed_at", unit: "coalesce(f.village_code, f.commune_code)", counts: { report_confirmed: "true" } },
      {
        on: "rated",
        from: "report_facts f",
        at: "f.rated_at",
        unit: "coalesce(f.village_code, f.commune_code)",
        counts: { report_rated: "true", report_rated_satisfied: "f.satisfaction >= 4" },
      },
    ],
    touched: `WITH ch AS (
        SELECT report_id, max(changed_at) AS at FROM report_change_refs WHERE changed_at > $1 AND unit_path LIKE $2 GROUP BY 1)
      SELECT DISTINCT f.commune_code, d.day FROM ch JOIN report_facts f ON f.report_id = ch.report_id
      CROSS JOIN LATERAL (VALUES (${vnDay("f.received_at")}), (${vnDay("f.answered_at")}), (${vnDay("f.confirmed_at")}), (${vnDay("f.rated_at")}),
        (${vnDay("ch.at")})) d(day)
      WHERE d.day IS NOT NULL`,
    latest: "SELECT max(changed_at) AS at FROM report_change_refs WHERE changed_at > $1 AND unit_path LIKE $2",
  },
  {
    name: "notices",
    parts: [
      // A notice counts once published, even if withdrawn later (it did reach residents).
      {
        on: "published",
        from: "notice_facts f",
        at: "f.published_at",
        unit: "f.commune_code",
        where: "f.status IN ('published', 'withdrawn')",
        counts: { notice_published: "true" },
      },
      { on: "sent", from: "notice_delivery_facts f", at: "f.sent_at", unit: "f.commune_code", counts: { notice_delivery_sent: "true" } },
      { on: "delivered", from: "notice_delivery_facts f", at: "f.delivered_at", unit: "f.commune_code", counts: { notice_delivery_delivered: "true" } },
    ],
    touched: `SELECT DISTINCT commune_code, day FROM (
        SELECT f.commune_code, d.day FROM notice_facts f
        CROSS JOIN LATERAL (VALUES (${vnDay("f.published_at")}), (${vnDay("f.changed_at")})) d(day)
        WHERE f.changed_at > $1 AND f.unit_path LIKE $2
        UNION ALL
        SELECT f.commune_code, d.day FROM notice_delivery_facts f
        CROSS JOIN LATERAL (VALUES (${vnDay("f.sent_at")}), (${vnDay("f.delivered_at")}), (${vnDay("f.changed_at")})) d(day)
        WHERE f.changed_at > $1 AND f.unit_path LIKE $2) t
      WHERE commune_code IS NOT NULL AND day IS NOT NULL`,
    latest: `SELECT greatest((SELECT max(changed_at) FROM notice_facts WHERE changed_at > $1 AND unit_path LIKE $2),
        (SELECT max(changed_at) FROM notice_delivery_facts WHERE changed_at > $1 AND unit_path LIKE $2)) AS at`,
  },
  {
    name: "hall",
    // A ticket belongs to its own day and is served (done) on it.
    parts: [
      {
        on: "ticketDay",
        from: "queue_ticket_facts f",
        at: "f.day",
        dateColumn: true,
        unit: "f.commune_code",
        counts: { hall_ticket_served: "f.status = 'done'" },
      },
    ],
    // Tickets live one day: only the days since the watermark's (and the day before) can have changed. They are
    // all recomputed (a ticket has no updated_at: a change without a new timestamp is still seen).
    touched: `SELECT DISTINCT f.commune_code, f.day FROM queue_ticket_facts f
      WHERE f.day >= ${vnDay("$1::timestamptz")} - 1 AND f.unit_path LIKE $2`,
    latest: `SELECT max(f.changed_at) AS at FROM queue_ticket_facts f
      WHERE f.day >= ${vnDay("$1::timestamptz")} - 1 AND f.changed_at > $1 AND f.unit_path LIKE $2`,
  },
  {
    name: "visits",
    parts: [
      {
        on: "visited",
        from: "visit_refs f",
        at: "f.visited_on",
        dateColumn: true,
        unit: "coalesce(f.village_code, f.commune_code)",
        counts: { visit_count: "true" },
      },
    ],
    touched: "SELECT DISTINCT f.commune_code, f.visited_on AS day FROM visit_refs f WHERE f.changed_at > $1 AND f.unit_path LIKE $2",
    latest: "SELECT max(changed_at) AS at FROM visit_refs WHERE changed_at > $1 AND unit_path LIKE $2",
  },
];

export const sumSourceKeys = (s: SumSource): string[] => s.parts.flatMap((p) => Object.keys(p.counts));

/** The INSERT … SELECT of a source's facts for a scope (see Scope for its parameters). */
export function sumSourceInsert(s: SumSource, scope: Scope): string {
  const pairs = scope === "pairs" ? "WITH pairs AS (SELECT * FROM unnest($1::text[], $2::date[]) AS x(commune_code, day)) " : "";
  return `INSERT INTO indicator_daily_facts (element_key, unit_code, commune_code, province_code, day, value)
    ${pairs}${s.parts.map((p) => partSql(p, scope)).join("\n    UNION ALL\n    ")}`;
}

/** The skills of outreach's built-in checklist (migration 0024) behind the adult_* elements. */
export const ADULT_SKILLS: Record<string, string> = {
  adult_count: "",
  adult_vneid_level2: "vneid_level2",
  adult_cashless_payment: "cashless_payment",
  adult_online_public_service: "online_public_service",
  adult_online_shopping: "online_shopping",
};

export const STOCK_KEYS = [
  "household_count",
  "household_proficient",
  "household_visited_year",
  ...Object.keys(ADULT_SKILLS),
  "procedure_published",
  "procedure_online_full",
  "procedure_online_any",
];

/**
 * Today's value of every stock per unit under the prefix $1: $2 is today (a date), $3 this year. Households per
 * village from outreach's coverage rollup; adults (born by this year − 18) per village and skill; the catalogue's
 * commune procedures for every commune already counting something.
 */
export const STOCKS_NOW = `
  SELECT v.key, g.unit_code, g.commune_code, g.province_code, v.n AS value
  FROM (SELECT h.village_code AS unit_code, h.commune_code, split_part(h.unit_path, '/', 2) AS province_code, count(*) AS hh,
          count(*) FILTER (WHERE h.proficient_members > 0) AS prof, count(*) FILTER (WHERE h.last_visit_on > $2::date - 365) AS visited
        FROM household_coverage_refs h WHERE h.unit_path LIKE $1 GROUP BY 1, 2, 3) g
  CROSS JOIN LATERAL (VALUES ('household_count', g.hh), ('household_proficient', g.prof), ('household_visited_year', g.visited)) v(key, n)
  UNION ALL
  SELECT k.key, s.village_code, min(s.commune_code), min(split_part(s.unit_path, '/', 2)), sum(s.people)
  FROM village_skill_count_refs s
  JOIN (VALUES ${Object.entries(ADULT_SKILLS)
    .map(([k, s]) => `('${k}', '${s}')`)
    .join(", ")}) k(key, skill) ON k.skill = s.skill_key
  WHERE s.unit_path LIKE $1 AND s.birth_year <= $3::int - 18
  GROUP BY 1, 2
  UNION ALL
  SELECT k.key, c.code, c.code, split_part(c.path, '/', 2), k.n
  FROM admin_unit_refs c
  CROSS JOIN (SELECT count(*) FILTER (WHERE active AND level = 'commune') AS published,
                count(*) FILTER (WHERE active AND level = 'commune' AND online_level = 'full') AS online_full,
                count(*) FILTER (WHERE active AND level = 'commune' AND online_level <> 'none') AS online_any
              FROM procedure_offer_refs) p
  CROSS JOIN LATERAL (VALUES ('procedure_published', p.published), ('procedure_online_full', p.online_full),
    ('procedure_online_any', p.online_any)) k(key, n)
  WHERE c.level = 'commune' AND c.path LIKE $1
    AND EXISTS (SELECT 1 FROM indicator_daily_facts x WHERE x.commune_code = c.code AND x.element_key <> ALL($4::text[]))`;

/** The refresh step that writes an element: a sum source's name, or "stocks". */
export function refreshSourceOf(key: string): string | null {
  if (STOCK_KEYS.includes(key)) return "stocks";
  return SUM_SOURCES.find((s) => sumSourceKeys(s).includes(key))?.name ?? null;
}

/** The event an element counts on ("snapshot" for a stock), null when no source writes it. */
export function countedOn(key: string): CountedOn | null {
  if (STOCK_KEYS.includes(key)) return "snapshot";
  for (const s of SUM_SOURCES) for (const p of s.parts) if (key in p.counts) return p.on;
  return null;
}
