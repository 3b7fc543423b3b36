// The only code that queries calendar_days: the exceptions an administrator has set.
import type { Queryable } from "../../platform/db/database.ts";
import type { CalendarDayRow, DayKind } from "./calendar.contract.ts";

const COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, kind, name, updated_by AS "updatedBy", updated_at AS "updatedAt"`;

/** Every stored day: the table holds a few dozen rows a year, so the work calendar loads them all. */
export async function listAll(q: Queryable): Promise<CalendarDayRow[]> {
  const { rows } = await q.query<CalendarDayRow>(`SELECT ${COLUMNS} FROM calendar_days ORDER BY day`);
  return rows;
}

export async function listYear(q: Queryable, year: number): Promise<CalendarDayRow[]> {
  const { rows } = await q.query<CalendarDayRow>(
    `SELECT ${COLUMNS} FROM calendar_days WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
    [year],
  );
  return rows;
}

/** Locks the day's row (if any) so two administrators editing the same day are applied one after the other. */
export async function findForUpdate(q: Queryable, day: string): Promise<CalendarDayRow | null> {
  const { rows } = await q.query<CalendarDayRow>(`SELECT ${COLUMNS} FROM calendar_days WHERE day = $1 FOR UPDATE`, [day]);
  return rows[0] ?? null;
}

export async function upsert(q: Queryable, row: { day: string; kind: DayKind; name: string; updatedBy: string | null }): Promise<CalendarDayRow> {
  const { rows } = await q.query<CalendarDayRow>(
    `INSERT INTO calendar_days (day, kind, name, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING ${COLUMNS}`,
    [row.day, row.kind, row.name, row.updatedBy],
  );
  return rows[0]!;
}

export async function remove(q: Queryable, day: string): Promise<boolean> {
  const res = await q.query("DELETE FROM calendar_days WHERE day = $1", [day]);
  return (res.rowCount ?? 0) > 0;
}
