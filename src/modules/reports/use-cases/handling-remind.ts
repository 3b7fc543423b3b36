// Task `reports.deadline-reminders` (every 15 minutes): tells each assignee once about a report due by the close of
// office of the next working day (or already late) and not yet reminded. A new assignee gets their own reminder.
// A forward to another agency has its own deadline: the assignee is told once when it falls due and nothing came back.
import type { Deps } from "../../../deps.ts";
import { addWorkingDays, closeOfOfficeDay, toLocalDay } from "../../../platform/calendar/working-time.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { lockDueForReminder, lockForwardsDueForReminder } from "../handling/handling.repository.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { notifyAssignee } from "./handling-notify.ts";

const BATCH = 200;

export async function sendDeadlineReminders(deps: Pick<Deps, "db" | "clock" | "config">): Promise<{ reminded: number; forwardsReminded: number }> {
  const now = deps.clock.now();
  const cal = await loadWorkCalendar(deps);
  const nextWorkingDay = addWorkingDays(cal, toLocalDay(now), 1);
  const dueBefore = closeOfOfficeDay(cal, nextWorkingDay);
  const forwardsReminded = await remindForwards(deps, nextWorkingDay, now);
  let reminded = 0;
  for (;;) {
    const done = await deps.db.tx(async (q) => {
      const due = await lockDueForReminder(q, dueBefore, BATCH);
      for (const r of due) {
        // reminded_at is not a step: the version stays, so an officer's open form is not made stale by it.
        await q.query("UPDATE reports SET reminded_at = $2 WHERE id = $1", [r.id, now]);
        await insertReportEvent(q, {
          reportId: r.id,
          kind: "reminded",
          actorUserId: null,
          public: false,
          data: { assigneeUserId: r.assigneeUserId, dueAt: r.dueAt },
        });
        await notifyAssignee(q, deps, r, "reminder", `${r.assigneeUserId}:${r.dueAt?.toISOString() ?? ""}`);
      }
      return due.length;
    });
    reminded += done;
    if (done < BATCH) return { reminded, forwardsReminded };
  }
}

async function remindForwards(deps: Pick<Deps, "db" | "config">, lastDay: string, now: Date): Promise<number> {
  let reminded = 0;
  for (;;) {
    const done = await deps.db.tx(async (q) => {
      const due = await lockForwardsDueForReminder(q, lastDay, BATCH);
      for (const f of due) {
        await q.query("UPDATE report_forwards SET reminded_at = $2 WHERE id = $1", [f.forwardId, now]);
        await insertReportEvent(q, {
          reportId: f.report.id,
          kind: "forward_reminded",
          actorUserId: null,
          public: false,
          data: { assigneeUserId: f.report.assigneeUserId, agency: f.agency, dueDate: f.dueDate },
        });
        await notifyAssignee(q, deps, f.report, "forwardReminder", f.forwardId, { agency: f.agency, forwardDue: f.dueDate });
      }
      return due.length;
    });
    reminded += done;
    if (done < BATCH) return reminded;
  }
}
