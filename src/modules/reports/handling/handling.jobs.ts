// The handling part's scheduled tasks (the job queue: src/platform/jobs/job-queue.ts). Each body is a use case that
// tests call directly.
import type { Deps } from "../../../deps.ts";
import type { JobTask } from "../../../platform/jobs/job-queue.ts";
import { autoCloseReports } from "../use-cases/handling-auto-close.ts";
import { sendDeadlineReminders } from "../use-cases/handling-remind.ts";

export const DEADLINE_REMINDERS_TASK = "reports.deadline-reminders";
export const AUTO_CLOSE_TASK = "reports.auto-close";

export function handlingJobs(deps: Deps): JobTask[] {
  return [
    { name: DEADLINE_REMINDERS_TASK, cron: "*/15 * * * *", run: () => sendDeadlineReminders(deps) },
    { name: AUTO_CLOSE_TASK, cron: "7 * * * *", run: () => autoCloseReports(deps) },
  ];
}
