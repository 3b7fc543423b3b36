// The big screen's reads. screenQueueState is the one query run per hall change for all the commune's screens.
import type { Queryable } from "../../../platform/db/database.ts";

export type CalledTicket = {
  /** Changes when the same number is called again, so screens chime again. */
  key: string;
  label: string;
  counter: number;
  counterName: string;
  status: string;
  calledAt: string;
};
export type ServiceWaiting = { letter: string; nameVi: string; nameEn: string; waiting: number; lastCalled: string | null };
export type ScreenQueueState = { day: string; called: CalledTicket[]; services: ServiceWaiting[] };

/** How many called numbers the screen lists (the newest large, the others below). */
export const CALLED_SHOWN = 6;

export async function screenQueueState(q: Queryable, communeCode: string, day: string): Promise<ScreenQueueState> {
  const { rows } = await q.query<{ called: CalledTicket[]; services: ServiceWaiting[] }>(
    `SELECT
       (SELECT coalesce(json_agg(x ORDER BY x."calledAt" DESC), '[]'::json) FROM (
          SELECT t.id || ':' || t.call_count AS key, t.label, k.number AS counter, k.name AS "counterName", t.status,
                 to_char(t.called_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "calledAt"
            FROM queue_tickets t JOIN hall_counters k ON k.id = t.counter_id
           WHERE t.commune_code = $1 AND t.day = $2::date AND t.called_at IS NOT NULL AND t.status IN ('called', 'serving', 'done')
           ORDER BY t.called_at DESC LIMIT ${CALLED_SHOWN}) x) AS called,
       (SELECT coalesce(json_agg(y ORDER BY y.position, y.letter), '[]'::json) FROM (
          SELECT s.letter, s.name_vi AS "nameVi", s.name_en AS "nameEn", s.position,
                 (SELECT count(*) FROM queue_tickets w WHERE w.service_id = s.id AND w.day = $2::date AND w.status = 'waiting')::int AS waiting,
                 (SELECT c.label FROM queue_tickets c WHERE c.service_id = s.id AND c.day = $2::date AND c.called_at IS NOT NULL
                   ORDER BY c.called_at DESC LIMIT 1) AS "lastCalled"
            FROM hall_services s WHERE s.commune_code = $1 AND s.active) y) AS services`,
    [communeCode, day],
  );
  const r = rows[0] ?? { called: [], services: [] };
  return { day, called: r.called, services: r.services.map(({ position: _p, ...s }: ServiceWaiting & { position?: number }) => s) };
}

/** The commune's most asked-for procedures over the last year (the published view dossier_facts). */
export async function commonestProcedures(q: Queryable, communeCode: string, since: Date, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT f.procedure_code AS code FROM dossier_facts f
      WHERE f.commune_code = $1 AND f.submitted_at >= $2
      GROUP BY f.procedure_code ORDER BY count(*) DESC, f.procedure_code LIMIT $3`,
    [communeCode, since, limit],
  );
  return rows.map((r) => r.code);
}
