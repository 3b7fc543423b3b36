// The facts the state machine judges by, read from a dossier: shared by reading, filing and acting.
import { type WorkCalendar, workingHoursBetween } from "../../../platform/calendar/working-time.ts";
import { CLOCK_RUNNING, type WorkflowFacts } from "../dossier-workflow.ts";
import type { DossierRow } from "../dossiers.model.ts";

/** Working-time facts computed from the calendar: the hours left run only while the clock does. */
export function workflowFacts(d: DossierRow, cal: WorkCalendar, now: Date): WorkflowFacts {
  return {
    state: d.state,
    resumeState: d.resumeState,
    assigneeId: d.assigneeId,
    dueAt: d.dueAt,
    apologyIssued: d.apologyAt !== null,
    rated: d.rating !== null,
    hoursToDue:
      d.dueAt && CLOCK_RUNNING.has(d.state)
        ? workingHoursBetween(cal, now, d.dueAt)
        : d.state === "paused" && d.remainingHours !== null
          ? d.remainingHours
          : null,
  };
}

/** Facts of a dossier just filed: no clock runs yet, nothing is apologised for or rated. */
export function newlyFiledFacts(d: DossierRow): WorkflowFacts {
  return { state: d.state, resumeState: d.resumeState, assigneeId: d.assigneeId, dueAt: d.dueAt, apologyIssued: false, rated: false, hoursToDue: null };
}
