// Task `reports.auto-close` (hourly): an answer the reporter neither confirmed nor reopened within the window
// (CONFIRM_WINDOW_DAYS) closes by itself; the reporter is told.
import type { Deps } from "../../../deps.ts";
import { SYSTEM_ACTOR } from "../../../platform/events/domain-events.ts";
import { lockPastConfirmWindow, updateReportStep } from "../handling/handling.repository.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { notifyReporter } from "./handling-notify.ts";

const BATCH = 200;

export async function autoCloseReports(deps: Pick<Deps, "db" | "clock" | "config" | "events">): Promise<{ closed: number }> {
  const now = deps.clock.now();
  let closed = 0;
  for (;;) {
    const done = await deps.db.tx(async (q) => {
      const due = await lockPastConfirmWindow(q, now, BATCH);
      for (const r of due) {
        const updated = await updateReportStep(q, r.id, { status: "closed", closed_at: now }, now);
        await insertReportEvent(q, {
          reportId: r.id,
          kind: "closed",
          fromStatus: r.status,
          toStatus: "closed",
          actorUserId: null,
          reason: "confirm_window_passed",
        });
        await deps.events.publish(q, {
          type: "report.closed",
          actor: SYSTEM_ACTOR,
          target: { type: "report", id: r.id },
          adminUnitCode: r.communeCode,
          requestId: null,
          details: { code: r.code, from: r.status, to: "closed", reason: "confirm_window_passed" },
        });
        await notifyReporter(q, deps, updated, "closed", r.reopenCount);
      }
      return due.length;
    });
    closed += done;
    if (done < BATCH) return { closed };
  }
}
