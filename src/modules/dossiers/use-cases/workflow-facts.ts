// The facts the state machine judges by, read from a dossier: shared by reading, filing and acting.
import { addWorkingDays, closeOfOfficeDay, toLocalDay, type WorkCalendar, workingHoursBetween } from "../../../platform/calendar/working-time.ts";
import type { ProcedureDefinition } from "../../procedures/index.ts";
import { CLOCK_RUNNING, SUPPLEMENT_WINDOW_WORKING_DAYS, type WorkflowFacts } from "../dossier-workflow.ts";
import type { DossierRow, SupplementRequest } from "../dossiers.model.ts";

/** What else the rules need: the supplement rounds (asked once after receipt) and the procedure (fee at collection). */
export type FactsExtra = { supplements?: readonly Pick<SupplementRequest, "afterReceipt">[]; procedure?: Pick<ProcedureDefinition, "payAtCollection"> };

/** The end of the time to ask for a supplement after receipt: close of office of the N-th working day after the day of receipt. */
export function supplementWindowEnd(cal: WorkCalendar, receivedAt: Date): Date {
  return closeOfOfficeDay(cal, addWorkingDays(cal, toLocalDay(receivedAt), SUPPLEMENT_WINDOW_WORKING_DAYS));
}

/** Working-time facts computed from the calendar: the hours left run only while the clock does. */
export function workflowFacts(d: DossierRow, cal: WorkCalendar, now: Date, extra: FactsExtra = {}): WorkflowFacts {
  const receivedAt = d.receivedAt ? new Date(d.receivedAt) : null;
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
    received: receivedAt !== null,
    returned: d.returnedAt !== null,
    supplementsAfterReceipt: (extra.supplements ?? []).filter((s) => s.afterReceipt).length,
    supplementWindowOver: receivedAt ? now.getTime() > supplementWindowEnd(cal, receivedAt).getTime() : false,
    feeOutstanding: d.feeAmount > 0 && d.feeStatus === "unpaid" && !extra.procedure?.payAtCollection,
  };
}

/** Facts of a dossier just filed: no clock runs yet, nothing is apologised for or rated. */
export function newlyFiledFacts(d: DossierRow): WorkflowFacts {
  return {
    state: d.state,
    resumeState: d.resumeState,
    assigneeId: d.assigneeId,
    dueAt: d.dueAt,
    apologyIssued: false,
    rated: false,
    hoursToDue: null,
    received: d.receivedAt !== null,
    returned: false,
    supplementsAfterReceipt: 0,
    supplementWindowOver: false,
  };
}
