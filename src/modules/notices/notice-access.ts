// Who sees which notice. Office: officers with notice.read see the notices issued under their grants (a province's
// notices too, read-only, when they sit in one of its communes). Public: a notice once published (or withdrawn,
// shown with its correction) — never a draft, one in review or one still scheduled.
import { type Principal, scopePaths } from "../../platform/auth/authorise.ts";
import type { Queryable } from "../../platform/db/database.ts";
import { isUuid } from "../../platform/db/uuid.ts";
import { AppError } from "../../platform/http/app-error.ts";
import type { NoticeRow } from "./notices.model.ts";
import { NOTICE_COLUMNS } from "./notices.repository.ts";

/** A SQL condition true for the notices `p` may see in the office face; `alias` names a notices row. */
export function noticeVisibleSql(p: Principal | null, alias: string, params: unknown[]): string {
  const paths = scopePaths(p, "notice.read");
  if (paths.length === 0) return "false";
  params.push(paths.map((x) => `${x}%`));
  const within = `${alias}.unit_path LIKE ANY($${params.length}::text[])`;
  // A province-wide notice is seen by the officers of its communes: its path is a prefix of theirs.
  params.push(paths);
  const above = `EXISTS (SELECT 1 FROM unnest($${params.length}::text[]) g(path) WHERE g.path LIKE ${alias}.unit_path || '%')`;
  return `(${within} OR (${alias}.scope = 'province' AND ${above}))`;
}

/** The condition of a notice the public may read (published, or withdrawn and shown as such). */
export const publicNoticeSql = (alias: string): string => `${alias}.status IN ('published', 'withdrawn')`;

/** The notice if `p` may see it in the office face, else 401/404. */
export async function visibleNotice(q: Queryable, p: Principal | null, id: string, lock = false): Promise<NoticeRow> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!isUuid(id)) throw new AppError("not_found", "error.notFound");
  const params: unknown[] = [id];
  const where = noticeVisibleSql(p, "n", params);
  const { rows } = await q.query<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM notices n WHERE n.id = $1 AND ${where}${lock ? " FOR UPDATE OF n" : ""}`, params);
  if (!rows[0]) throw new AppError("not_found", "error.notFound");
  return rows[0];
}
