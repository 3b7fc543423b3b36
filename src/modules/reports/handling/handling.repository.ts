// The handling part's own SQL on the reports tables: a step's update, forwards, the category facts a step needs, and
// the two background sweeps (deadline reminders, auto-close).
import type { Queryable } from "../../../platform/db/database.ts";
import type { ReportRow } from "../reports.model.ts";
import { REPORT_COLUMNS } from "../reports.repository.ts";

export type CategoryFacts = {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  timeLimitDays: number;
  responsibleUnit: string;
  responsibleUserId: string | null;
};

export async function findCategoryFacts(q: Queryable, id: string): Promise<CategoryFacts | null> {
  const { rows } = await q.query<CategoryFacts>(
    `SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn", time_limit_days AS "timeLimitDays",
            responsible_unit AS "responsibleUnit", responsible_user_id AS "responsibleUserId"
     FROM report_categories WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The columns a handling step may write; anything else is a programming error. */
const STEP_COLUMNS = new Set([
  "status",
  "reject_reason",
  "duplicate_of",
  "status_note",
  "assignee_user_id",
  "assigned_unit",
  "accepted_at",
  "due_at",
  "answered_at",
  "answer",
  "confirm_until",
  "closed_at",
  "reminded_at",
]);

/** Writes a step and bumps the version (the optimistic lock every form and API client sends back). */
export async function updateReportStep(q: Queryable, id: string, set: Record<string, unknown>, now: Date): Promise<ReportRow> {
  const params: unknown[] = [id, now];
  const assignments = Object.entries(set).map(([col, value]) => {
    if (!STEP_COLUMNS.has(col)) throw new Error(`not a step column: ${col}`);
    params.push(value);
    return `${col} = $${params.length}`;
  });
  const { rows } = await q.query<ReportRow>(
    `UPDATE reports r SET ${[...assignments, "version = r.version + 1", "updated_at = $2"].join(", ")} WHERE r.id = $1 RETURNING ${REPORT_COLUMNS}`,
    params,
  );
  return rows[0]!;
}

export type ForwardRow = {
  id: string;
  agency: string;
  dueDate: string;
  note: string | null;
  sentBy: string | null;
  sentAt: Date;
  returnedAt: Date | null;
  result: string | null;
  returnedBy: string | null;
};

const FORWARD_COLUMNS = `id, agency, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", note, sent_by AS "sentBy", sent_at AS "sentAt",
  returned_at AS "returnedAt", result, returned_by AS "returnedBy"`;

export async function insertForward(
  q: Queryable,
  f: { reportId: string; agency: string; dueDate: string; note: string | null; sentBy: string | null; at: Date },
): Promise<ForwardRow> {
  const { rows } = await q.query<ForwardRow>(
    `INSERT INTO report_forwards (report_id, agency, due_date, note, sent_by, sent_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${FORWARD_COLUMNS}`,
    [f.reportId, f.agency, f.dueDate, f.note, f.sentBy, f.at],
  );
  return rows[0]!;
}

/** Records the agency's return on the forward still open (there is at most one: a forwarded report cannot be forwarded again). */
export async function returnOpenForward(q: Queryable, reportId: string, r: { result: string; by: string | null; at: Date }): Promise<ForwardRow | null> {
  const { rows } = await q.query<ForwardRow>(
    `UPDATE report_forwards SET returned_at = $2, result = $3, returned_by = $4
     WHERE id = (SELECT id FROM report_forwards WHERE report_id = $1 AND returned_at IS NULL ORDER BY sent_at DESC LIMIT 1)
     RETURNING ${FORWARD_COLUMNS}`,
    [reportId, r.at, r.result, r.by],
  );
  return rows[0] ?? null;
}

export async function listForwards(q: Queryable, reportId: string): Promise<ForwardRow[]> {
  const { rows } = await q.query<ForwardRow>(`SELECT ${FORWARD_COLUMNS} FROM report_forwards WHERE report_id = $1 ORDER BY sent_at, id`, [reportId]);
  return rows;
}

/**
 * Open reports with an assignee, due by `dueBefore`, not yet reminded: locked and skipped by a concurrent sweep, so
 * two instances never remind twice.
 */
export async function lockDueForReminder(q: Queryable, dueBefore: Date, limit: number): Promise<ReportRow[]> {
  const { rows } = await q.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM reports r
     WHERE r.status IN ('accepted', 'assigned', 'in_progress', 'forwarded', 'reopened')
       AND r.assignee_user_id IS NOT NULL AND r.reminded_at IS NULL AND r.due_at IS NOT NULL AND r.due_at <= $1
     ORDER BY r.due_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
    [dueBefore, limit],
  );
  return rows;
}

export type ForwardDue = { forwardId: string; agency: string; dueDate: string; report: ReportRow };

/**
 * Open forwards of forwarded reports with an assignee, due by `lastDay` (YYYY-MM-DD), not yet reminded: locked and
 * skipped by a concurrent sweep, as lockDueForReminder.
 */
export async function lockForwardsDueForReminder(q: Queryable, lastDay: string, limit: number): Promise<ForwardDue[]> {
  const { rows } = await q.query<ReportRow & { forwardId: string; agency: string; forwardDueDate: string }>(
    `SELECT ${REPORT_COLUMNS}, f.id AS "forwardId", f.agency, to_char(f.due_date, 'YYYY-MM-DD') AS "forwardDueDate"
     FROM report_forwards f JOIN reports r ON r.id = f.report_id
     WHERE f.returned_at IS NULL AND f.reminded_at IS NULL AND f.due_date <= $1::date
       AND r.status = 'forwarded' AND r.assignee_user_id IS NOT NULL
     ORDER BY f.due_date LIMIT $2 FOR UPDATE OF f SKIP LOCKED`,
    [lastDay, limit],
  );
  return rows.map(({ forwardId, agency, forwardDueDate, ...report }) => ({ forwardId, agency, dueDate: forwardDueDate, report }));
}

/** Answered reports whose confirmation window has passed without a verdict. */
export async function lockPastConfirmWindow(q: Queryable, now: Date, limit: number): Promise<ReportRow[]> {
  const { rows } = await q.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM reports r
     WHERE r.status = 'resolved' AND r.confirm_until IS NOT NULL AND r.confirm_until <= $1
     ORDER BY r.confirm_until LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
    [now, limit],
  );
  return rows;
}
