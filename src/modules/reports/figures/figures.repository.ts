// The figures' SQL: counts over the reports received in a period under a unit's path. Names come from the module's
// categories and the published admin_unit_refs view. No personal data is read.
import type { Queryable } from "../../../platform/db/database.ts";

export type CountRow = {
  key: string | null;
  label: string | null;
  labelEn: string | null;
  received: number;
  answered: number;
  onTime: number;
  dueCount: number;
};

const COUNTS = `count(*)::int AS received,
  count(r.answered_at)::int AS answered,
  count(*) FILTER (WHERE r.answered_at IS NOT NULL AND r.due_at IS NOT NULL AND r.answered_at <= r.due_at)::int AS "onTime",
  count(*) FILTER (WHERE r.due_at IS NOT NULL AND (r.answered_at IS NOT NULL OR r.due_at < $4))::int AS "dueCount"`;

/** $1 path prefix, $2 from (instant), $3 to (instant, exclusive), $4 now. */
const WHERE = "r.unit_path LIKE $1 AND r.created_at >= $2 AND r.created_at < $3";

export type Period = { pathPrefix: string; from: Date; to: Date; now: Date };
const args = (p: Period) => [`${p.pathPrefix}%`, p.from, p.to, p.now];

export async function totals(q: Queryable, p: Period) {
  const { rows } = await q.query<{
    received: number;
    answered: number;
    onTime: number;
    dueCount: number;
    open: number;
    rejected: number;
    closed: number;
    reopened: number;
    satisfactionAvg: number | null;
    satisfactionCount: number;
  }>(
    `SELECT ${COUNTS},
       count(*) FILTER (WHERE r.status IN ('received', 'accepted', 'assigned', 'in_progress', 'forwarded', 'reopened'))::int AS open,
       count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected,
       count(*) FILTER (WHERE r.status = 'closed')::int AS closed,
       count(*) FILTER (WHERE r.reopen_count > 0 AND r.answered_at IS NOT NULL)::int AS reopened,
       avg(r.satisfaction)::float8 AS "satisfactionAvg",
       count(r.satisfaction)::int AS "satisfactionCount"
     FROM reports r WHERE ${WHERE}`,
    args(p),
  );
  return rows[0]!;
}

export async function byCategory(q: Queryable, p: Period): Promise<CountRow[]> {
  const { rows } = await q.query<CountRow>(
    `SELECT c.code AS key, min(c.name_vi) AS label, min(c.name_en) AS "labelEn", ${COUNTS}
     FROM reports r JOIN report_categories c ON c.id = r.category_id WHERE ${WHERE}
     GROUP BY c.code ORDER BY received DESC, c.code`,
    args(p),
  );
  return rows;
}

export async function byVillage(q: Queryable, p: Period): Promise<CountRow[]> {
  const { rows } = await q.query<CountRow>(
    `SELECT r.village_code AS key, min(v.name) AS label, min(coalesce(v.name_en, v.name)) AS "labelEn", ${COUNTS}
     FROM reports r LEFT JOIN admin_unit_refs v ON v.code = r.village_code WHERE ${WHERE}
     GROUP BY r.village_code ORDER BY received DESC, label NULLS LAST`,
    args(p),
  );
  return rows;
}

export async function byCommune(q: Queryable, p: Period): Promise<CountRow[]> {
  const { rows } = await q.query<CountRow>(
    `SELECT r.commune_code AS key, min(u.full_name) AS label, min(coalesce(u.full_name_en, u.full_name)) AS "labelEn", ${COUNTS}
     FROM reports r LEFT JOIN admin_unit_refs u ON u.code = r.commune_code WHERE ${WHERE}
     GROUP BY r.commune_code ORDER BY received DESC, label`,
    args(p),
  );
  return rows;
}

export async function byMonth(q: Queryable, p: Period): Promise<CountRow[]> {
  const { rows } = await q.query<CountRow>(
    `SELECT to_char(r.created_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM') AS key, NULL AS label, NULL AS "labelEn", ${COUNTS}
     FROM reports r WHERE ${WHERE}
     GROUP BY 1 ORDER BY 1`,
    args(p),
  );
  return rows;
}

/** Receipt and first answer of the answered reports: the average is counted in working time by the caller. */
export async function answerTimes(q: Queryable, p: Period): Promise<Array<{ createdAt: Date; answeredAt: Date }>> {
  const { rows } = await q.query<{ createdAt: Date; answeredAt: Date }>(
    `SELECT r.created_at AS "createdAt", r.answered_at AS "answeredAt" FROM reports r WHERE ${WHERE} AND r.answered_at IS NOT NULL`,
    args(p).slice(0, 3),
  );
  return rows;
}
