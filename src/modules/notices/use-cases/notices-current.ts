// The notices in force today for a commune (its own, its villages', its province's), newest first: for the commune
// hall's big screen and the public pages. Public data: no access check.
import type { Deps } from "../../../deps.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { NoticeCategory } from "../notices.model.ts";

export type CurrentNotice = { id: string; title: string; category: NoticeCategory; publishedAt: Date; validUntil: string | null; villageCodes: string[] };

export async function currentNotices(deps: Pick<Deps, "db" | "clock">, communeCode: string, limit = 10): Promise<CurrentNotice[]> {
  const today = toLocalDay(deps.clock.now());
  const { rows } = await deps.db.query<CurrentNotice>(
    `SELECT n.id, n.title, n.category, n.published_at AS "publishedAt", to_char(n.valid_until, 'YYYY-MM-DD') AS "validUntil",
            n.village_codes AS "villageCodes"
       FROM notices n, admin_unit_refs c
      WHERE c.code = $1 AND n.status = 'published'
        AND (n.unit_code = $1 OR (n.scope = 'province' AND c.path LIKE n.unit_path || '%'))
        AND n.valid_from <= $2::date AND (n.valid_until IS NULL OR n.valid_until >= $2::date)
      ORDER BY (n.category = 'emergency') DESC, n.published_at DESC
      LIMIT $3`,
    [communeCode, today, limit],
  );
  return rows;
}
