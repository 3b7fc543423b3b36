// The daily facts of a province written by one set-based statement per source, straight from the views the modules
// publish (dossier_facts, reports, household_coverage): the bench's bare baseline of the facts refresh, and the way
// the suite fills indicator_daily_facts while refreshFacts (indicators/elements) is not merged yet. Days are Vietnam
// days (UTC+7, as vietnam-time.ts). `days`: only these days are rewritten (the incremental case), else every day.
import type pg from "pg";

const VN_DAY = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/** Dossier elements counted on the day received (received, online…) or decided (decided, on time, late, paid…). */
const dossierFacts = (dayFilter: (col: string) => string) => `
  SELECT k.key, f.commune_code AS unit_code, f.commune_code, $1::text AS province_code, f.day, k.v FROM (
    SELECT commune_code, ${VN_DAY("received_at")} AS day,
      count(*) AS received, count(*) FILTER (WHERE channel = 'online') AS online, count(*) FILTER (WHERE online_offered) AS offered,
      count(*) FILTER (WHERE digitised) AS digitised, count(*) FILTER (WHERE vault_reused) AS vault,
      0::bigint AS decided, 0::bigint AS on_time, 0::bigint AS late, 0::bigint AS result_digitised, 0::bigint AS fee_due, 0::bigint AS fee_online,
      0::bigint AS rated, 0::bigint AS satisfied
    FROM dossier_facts WHERE unit_path LIKE '/' || $1 || '/%' AND received_at IS NOT NULL AND ${dayFilter("received_at")} GROUP BY 1, 2
    UNION ALL
    SELECT commune_code, ${VN_DAY("finished_at")}, 0, 0, 0, 0, 0,
      count(*) FILTER (WHERE outcome IN ('result', 'refused')), count(*) FILTER (WHERE timing IN ('early', 'onTime')), count(*) FILTER (WHERE timing = 'late'),
      count(*) FILTER (WHERE result_digitised), count(*) FILTER (WHERE fee_due), count(*) FILTER (WHERE fee_cashless),
      count(*) FILTER (WHERE rating IS NOT NULL), count(*) FILTER (WHERE rating >= 4)
    FROM dossier_facts WHERE unit_path LIKE '/' || $1 || '/%' AND finished_at IS NOT NULL AND received_at IS NOT NULL AND ${dayFilter("finished_at")} GROUP BY 1, 2
  ) f CROSS JOIN LATERAL (VALUES ('dossier_received', received), ('dossier_received_online', online), ('dossier_received_online_offered', offered),
      ('dossier_digitised', digitised), ('dossier_vault_reused', vault), ('dossier_decided', decided), ('dossier_decided_on_time', on_time),
      ('dossier_decided_late', late), ('dossier_result_digitised', result_digitised), ('dossier_fee_due', fee_due), ('dossier_fee_paid_online', fee_online),
      ('dossier_rated', rated), ('dossier_rated_satisfied', satisfied)) k(key, v)
  WHERE k.v <> 0`;

/** Report elements per village, on the day received or answered. */
const reportFacts = (dayFilter: (col: string) => string) => `
  SELECT k.key, coalesce(r.village_code, r.commune_code), r.commune_code, $1::text, r.day, k.v FROM (
    SELECT village_code, commune_code, ${VN_DAY("created_at")} AS day, count(*) AS received, 0::bigint AS answered, 0::bigint AS on_time, 0::bigint AS confirmed
    FROM reports WHERE unit_path LIKE '/' || $1 || '/%' AND ${dayFilter("created_at")} GROUP BY 1, 2, 3
    UNION ALL
    SELECT village_code, commune_code, ${VN_DAY("answered_at")}, 0, count(*), count(*) FILTER (WHERE answered_at <= due_at), count(*) FILTER (WHERE confirmed_at IS NOT NULL)
    FROM reports WHERE unit_path LIKE '/' || $1 || '/%' AND answered_at IS NOT NULL AND ${dayFilter("answered_at")} GROUP BY 1, 2, 3
  ) r CROSS JOIN LATERAL (VALUES ('report_received', received), ('report_answered', answered), ('report_answered_on_time', on_time), ('report_confirmed', confirmed)) k(key, v)
  WHERE k.v <> 0`;

/** Stocks per village, one snapshot on `$2` (the day refreshed): households, and those with a proficient member. */
const stockFacts = `
  SELECT k.key, s.village_code, s.commune_code, $1::text, $2::date, k.v FROM (
    SELECT village_code, commune_code, count(*) AS households, count(*) FILTER (WHERE proficient_members > 0) AS proficient
    FROM household_coverage WHERE unit_path LIKE '/' || $1 || '/%' GROUP BY 1, 2
  ) s CROSS JOIN LATERAL (VALUES ('household_count', households), ('household_proficient', proficient)) k(key, v)`;

export type FactsRun = { rows: number; ms: number };

/**
 * Rewrites the province's facts: every day (full) or only `days` (incremental, the days a day's work touched), in one
 * transaction. The stock snapshot is taken on `snapshotDay`.
 */
export async function writeFactsBySql(c: pg.ClientBase, province: string, snapshotDay: string, days: string[] | null): Promise<FactsRun> {
  const t0 = performance.now();
  const onDays = (col: string) => (days ? `${VN_DAY(col)} = ANY($3::date[]) AND ${col} >= $4::timestamptz` : "true");
  // The lower bound lets the planner use the (unit_path, received_at / finished_at) indexes instead of scanning.
  const earliest = days ? new Date(`${[...days].sort()[0]}T00:00:00+07:00`).toISOString() : null;
  const params = days ? [province, snapshotDay, days, earliest] : [province, snapshotDay];
  await c.query("BEGIN");
  try {
    if (days)
      await c.query("DELETE FROM indicator_daily_facts WHERE province_code = $1 AND (day = ANY($2::date[]) OR day = $3::date)", [province, days, snapshotDay]);
    else await c.query("DELETE FROM indicator_daily_facts WHERE province_code = $1", [province]);
    const r = await c.query(
      `INSERT INTO indicator_daily_facts (element_key, unit_code, commune_code, province_code, day, value)
       SELECT key, unit_code, commune_code, province_code, day, sum(v) FROM (
         ${dossierFacts(onDays)}
         UNION ALL ${reportFacts(onDays)}
         UNION ALL ${stockFacts}
       ) x(key, unit_code, commune_code, province_code, day, v)
       WHERE ($2::date IS NOT NULL) ${days ? "AND $3::date[] IS NOT NULL AND $4::timestamptz IS NOT NULL" : ""}
       GROUP BY 1, 2, 3, 4, 5`,
      params,
    );
    await c.query("COMMIT");
    return { rows: r.rowCount ?? 0, ms: performance.now() - t0 };
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  }
}
