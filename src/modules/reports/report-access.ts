// Who sees which report in the office face: the one rule every desk read goes through. Officers with report.read
// see every report under their grants; whoever recorded a report for a resident (assisted) and whoever it is
// assigned to see that one too. Outside that, a report is a 404, as everywhere ("not even confirmed to exist").
import { type Principal, scopePaths } from "../../platform/auth/authorise.ts";
import type { Queryable } from "../../platform/db/database.ts";
import { isUuid } from "../../platform/db/uuid.ts";
import { AppError } from "../../platform/http/app-error.ts";
import type { ReportRow } from "./reports.model.ts";
import { REPORT_COLUMNS } from "./reports.repository.ts";

export type ReportAccess = { paths: string[]; userId: string | null };

export function reportAccess(p: Principal | null): ReportAccess {
  return { paths: scopePaths(p, "report.read"), userId: p?.userId ?? null };
}

/** A SQL condition true for the reports `access` may see; `alias` names a reports row. Parameters are appended. */
export function reportVisibleSql(access: ReportAccess, alias: string, params: unknown[]): string {
  if (!access.userId) return "false";
  params.push(access.paths.map((p) => `${p}%`));
  const byScope = `${alias}.unit_path LIKE ANY($${params.length}::text[])`;
  params.push(access.userId);
  const user = `$${params.length}::uuid`;
  return `(${byScope} OR ${alias}.assisted_by = ${user} OR ${alias}.assignee_user_id = ${user})`;
}

/** The report if `p` may see it in the office face, else 401/404. */
export async function visibleReport(q: Queryable, p: Principal | null, id: string, lock = false): Promise<ReportRow> {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!isUuid(id)) throw new AppError("not_found", "error.notFound");
  const params: unknown[] = [id];
  const where = reportVisibleSql(reportAccess(p), "r", params);
  const { rows } = await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.id = $1 AND ${where}${lock ? " FOR UPDATE OF r" : ""}`, params);
  if (!rows[0]) throw new AppError("not_found", "error.notFound");
  return rows[0];
}
