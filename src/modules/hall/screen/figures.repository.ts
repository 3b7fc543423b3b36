// The hall's figures in one SQL statement: every ticket of the period counted once per dimension (counter, service,
// procedure, hour, day, source, total), with PostgreSQL's percentile_cont for medians and the 90th percentile.
import type { Queryable } from "../../../platform/db/database.ts";

export const DIMENSIONS = ["total", "counter", "service", "procedure", "hour", "day", "source"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type FigureCounts = {
  dim: Dimension;
  key: string;
  tickets: number;
  served: number;
  noShows: number;
  cancelled: number;
  waitCount: number;
  waitAvg: number | null;
  waitMedian: number | null;
  waitP90: number | null;
  serviceCount: number;
  serviceAvg: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
};

// Vietnam has one offset (UTC+7, no summer time): no time zone database needed in PostgreSQL.
const LOCAL = (col: string) => `((${col}) AT TIME ZONE 'UTC' + interval '7 hours')`;

export async function countTickets(q: Queryable, communeCode: string, from: string, to: string): Promise<FigureCounts[]> {
  const { rows } = await q.query<FigureCounts>(
    `WITH base AS (
       SELECT t.status, t.source, t.procedure_code, t.service_id, t.counter_id, to_char(t.day, 'YYYY-MM-DD') AS day,
              to_char(${LOCAL("greatest(t.taken_at, coalesce(t.slot_start, t.taken_at))")}, 'HH24') AS hour,
              CASE WHEN t.called_at IS NOT NULL
                THEN greatest(0, extract(epoch FROM t.called_at - greatest(t.taken_at, coalesce(t.slot_start, t.taken_at)))) END AS wait_s,
              CASE WHEN t.status = 'done' AND t.done_at IS NOT NULL AND coalesce(t.serving_at, t.called_at) IS NOT NULL
                THEN greatest(0, extract(epoch FROM t.done_at - coalesce(t.serving_at, t.called_at))) END AS service_s
         FROM queue_tickets t
        WHERE t.commune_code = $1 AND t.day BETWEEN $2::date AND $3::date),
     dims AS (
       SELECT 'total' AS dim, '' AS key, b.* FROM base b
       UNION ALL SELECT 'counter', b.counter_id::text, b.* FROM base b WHERE b.counter_id IS NOT NULL
       UNION ALL SELECT 'service', b.service_id::text, b.* FROM base b
       UNION ALL SELECT 'procedure', b.procedure_code, b.* FROM base b WHERE b.procedure_code IS NOT NULL
       UNION ALL SELECT 'hour', b.hour, b.* FROM base b
       UNION ALL SELECT 'day', b.day, b.* FROM base b
       UNION ALL SELECT 'source', b.source, b.* FROM base b)
     SELECT dim, key, count(*)::int AS tickets,
            count(*) FILTER (WHERE status = 'done')::int AS served,
            count(*) FILTER (WHERE status = 'no_show')::int AS "noShows",
            count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
            count(wait_s)::int AS "waitCount", round(avg(wait_s))::float8 AS "waitAvg",
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_s)::numeric)::float8 AS "waitMedian",
            round(percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_s)::numeric)::float8 AS "waitP90",
            count(service_s)::int AS "serviceCount", round(avg(service_s))::float8 AS "serviceAvg",
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY service_s)::numeric)::float8 AS "serviceMedian",
            round(percentile_cont(0.9) WITHIN GROUP (ORDER BY service_s)::numeric)::float8 AS "serviceP90"
       FROM dims GROUP BY dim, key ORDER BY dim, key`,
    [communeCode, from, to],
  );
  return rows;
}
