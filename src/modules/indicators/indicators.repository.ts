// The indicators module's shared queries: set versions, targets, daily facts and approved manual values. Facts are
// summed per element for a unit or per child unit; stocks read their latest snapshot by the period's end. Parts keep
// their own queries in their part's repository (entry/, sets/, exports/).
import type { Queryable } from "../../platform/db/database.ts";

export type SetRow = {
  id: string;
  key: string;
  version: number;
  provinceCode: string | null;
  definition: unknown;
  active: boolean;
  shipped: boolean;
  note: string;
  createdAt: Date;
};

const SET_COLUMNS = `id, key, version, province_code AS "provinceCode", definition, active, shipped, note, created_at AS "createdAt"`;

/** The active versions a province uses: its own copy of a key, else the one stored for every province. */
export async function activeSetRows(q: Queryable, provinceCode: string): Promise<SetRow[]> {
  const { rows } = await q.query<SetRow>(
    `SELECT DISTINCT ON (key) ${SET_COLUMNS} FROM indicator_sets
     WHERE active AND (province_code = $1 OR province_code IS NULL) ORDER BY key, province_code NULLS LAST`,
    [provinceCode],
  );
  return rows;
}

/** How a scope is written: one unit's own facts, or each child's. */
export type FactScope = { level: "province" | "commune" | "village"; code: string };
export type Grouping = "self" | "children";
export type ElementTotal = { unitCode: string; elementKey: string; value: number };

// params[0] is always the scope's code ($1), so the grouping expression of "self" may name it too.
function scopeWhere(s: FactScope, params: unknown[]): string {
  if (s.level === "province") return "f.province_code = $1::text";
  if (s.level === "commune") return "f.commune_code = $1::text";
  params.push(s.code.slice(0, 5));
  return `f.unit_code = $1::text AND f.commune_code = $${params.length}`;
}

// Each child of a province is a commune; a commune's children are its villages, and its facts that know no village
// stay under the commune's own code (shown as "not by village").
const groupExpr = (s: FactScope, by: Grouping): string => (by === "self" ? `$1::text` : s.level === "province" ? "f.commune_code" : "f.unit_code");

/** Sums of 'sum' elements over [start, end] and latest snapshots by `end` of 'last' elements, per unit. */
export async function factTotals(
  q: Queryable,
  s: FactScope,
  by: Grouping,
  keys: { sum: string[]; last: string[] },
  start: string,
  end: string,
): Promise<ElementTotal[]> {
  const out: ElementTotal[] = [];
  if (keys.sum.length > 0) {
    // Whole calendar months from the monthly sums (migration 0052), the days at either edge from the daily facts.
    const m = wholeMonths(start, end);
    const params: unknown[] = [s.code];
    const where = scopeWhere(s, params);
    params.push(keys.sum, start, end);
    const n = params.length;
    const daily = m
      ? `f.day BETWEEN $${n - 1}::date AND $${n}::date AND (f.day < $${n + 1}::date OR f.day >= $${n + 2}::date)`
      : `f.day BETWEEN $${n - 1}::date AND $${n}::date`;
    if (m) params.push(m.from, nextMonth(m.to.slice(0, 7)));
    const monthly = m
      ? `UNION ALL SELECT f.element_key, f.unit_code, f.commune_code, f.value FROM indicator_monthly_facts f
         WHERE ${where} AND f.element_key = ANY($${n - 2}::text[]) AND f.month >= $${n + 1}::date AND f.month < $${n + 2}::date`
      : "";
    const { rows } = await q.query<ElementTotal>(
      `SELECT ${groupExpr(s, by).replace("f.", "x.")} AS "unitCode", x.element_key AS "elementKey", sum(x.value)::float8 AS value
       FROM (SELECT f.element_key, f.unit_code, f.commune_code, f.value FROM indicator_daily_facts f
             WHERE ${where} AND f.element_key = ANY($${n - 2}::text[]) AND ${daily}
             ${monthly}) x
       GROUP BY 1, 2`,
      params,
    );
    out.push(...rows);
  }
  if (keys.last.length > 0) {
    const params: unknown[] = [s.code];
    const where = scopeWhere(s, params);
    params.push(keys.last, end);
    const n = params.length;
    const { rows } = await q.query<ElementTotal>(
      `SELECT ${groupExpr(s, by).replace("f.", "l.")} AS "unitCode", l.element_key AS "elementKey", sum(l.value)::float8 AS value
       FROM (SELECT DISTINCT ON (f.element_key, f.unit_code) f.element_key, f.unit_code, f.commune_code, f.value
             FROM indicator_daily_facts f
             WHERE ${where} AND f.element_key = ANY($${n - 1}::text[]) AND f.day <= $${n}::date
             ORDER BY f.element_key, f.unit_code, f.day DESC) l
       GROUP BY 1, 2`,
      params,
    );
    out.push(...rows);
  }
  return out;
}

/** The first days of the whole calendar months inside [start, end] (first and last), or null when there is none. */
export function wholeMonths(start: string, end: string): { from: string; to: string } | null {
  const first = start.endsWith("-01") ? start : nextMonth(start.slice(0, 7));
  const endMonth = end.slice(0, 7);
  const last = nextMonth(endMonth) === nextDay(end) ? `${endMonth}-01` : previousMonth(endMonth);
  return first <= last ? { from: first, to: last } : null;
}
const nextMonth = (ym: string) => {
  const [y, m] = [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};
const previousMonth = (ym: string) => {
  const [y, m] = [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, "0")}-01`;
};
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type ManualTotal = ElementTotal & { units: number };

/** Approved manual values, rolled up like the facts: periods inside [start, end] added ('sum'), or the latest by end. */
export async function manualTotals(
  q: Queryable,
  s: FactScope,
  by: Grouping,
  keys: { sum: string[]; last: string[] },
  start: string,
  end: string,
): Promise<ManualTotal[]> {
  if (keys.sum.length + keys.last.length === 0) return [];
  const params: unknown[] = [s.code];
  const where = scopeWhere(s, params).replace(/f\./g, "m.");
  params.push(keys.sum, keys.last, start, end);
  const n = params.length;
  const group = groupExpr(s, by).replace("f.", "v.");
  const { rows } = await q.query<ManualTotal>(
    `WITH v AS (
       SELECT m.element_key, m.unit_code, m.commune_code, m.value FROM indicator_manual_values m
       WHERE ${where} AND m.status = 'approved' AND m.value IS NOT NULL
         AND m.element_key = ANY($${n - 3}::text[]) AND m.period_start >= $${n - 1}::date AND m.period_end <= $${n}::date
       UNION ALL
       SELECT * FROM (SELECT DISTINCT ON (m.element_key, m.unit_code) m.element_key, m.unit_code, m.commune_code, m.value
         FROM indicator_manual_values m
         WHERE ${where} AND m.status = 'approved' AND m.value IS NOT NULL
           AND m.element_key = ANY($${n - 2}::text[]) AND m.period_end <= $${n}::date
         ORDER BY m.element_key, m.unit_code, m.period_end DESC) l
     )
     SELECT ${group} AS "unitCode", v.element_key AS "elementKey", sum(v.value)::float8 AS value, count(DISTINCT v.unit_code)::int AS units
     FROM v GROUP BY 1, 2`,
    params,
  );
  return rows;
}

/** Targets of a set for some units and a year: indicator key → unit code → target. */
export async function targetsFor(q: Queryable, setKey: string, unitCodes: string[], year: number): Promise<Map<string, Map<string, number>>> {
  const { rows } = await q.query<{ indicatorKey: string; unitCode: string; target: number }>(
    `SELECT indicator_key AS "indicatorKey", unit_code AS "unitCode", target::float8 AS target
     FROM indicator_targets WHERE set_key = $1 AND unit_code = ANY($2::text[]) AND year = $3`,
    [setKey, unitCodes, year],
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.indicatorKey) ?? new Map<string, number>();
    m.set(r.unitCode, r.target);
    out.set(r.indicatorKey, m);
  }
  return out;
}

/** When the facts were last refreshed (the oldest source's last run): the dashboards' "as of". */
export async function factsAsOf(q: Queryable): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date | null }>("SELECT min(last_run_at) AS at FROM indicator_refresh_state");
  return rows[0]?.at ?? null;
}

export type UnitRef = { code: string; parentCode: string | null; level: "province" | "commune" | "village"; path: string; name: string; nameEn: string | null };
const UNIT_COLUMNS = `code, parent_code AS "parentCode", level, path, full_name AS name, full_name_en AS "nameEn"`;

/** A unit from the published admin_unit_refs view, or null. */
export async function unitRef(q: Queryable, code: string): Promise<UnitRef | null> {
  const { rows } = await q.query<UnitRef>(`SELECT ${UNIT_COLUMNS} FROM admin_unit_refs WHERE code = $1`, [code]);
  return rows[0] ?? null;
}

/** The children of a unit (a province's communes, a commune's villages), by name. */
export async function childUnits(q: Queryable, code: string): Promise<UnitRef[]> {
  const { rows } = await q.query<UnitRef>(`SELECT ${UNIT_COLUMNS} FROM admin_unit_refs WHERE parent_code = $1 ORDER BY name, code`, [code]);
  return rows;
}
