// The exports part's scheduled tasks (the job queue: src/platform/jobs/job-queue.ts). Each body is a use case that
// tests call directly.
import type { Deps } from "../../../deps.ts";
import type { JobTask } from "../../../platform/jobs/job-queue.ts";
import { runMonthlyReports } from "./use-cases/exports-monthly.ts";

export const MONTHLY_REPORTS_TASK = "indicators.monthly-reports";

export function exportsJobs(deps: Deps): JobTask[] {
  // Daily at 06:20 Vietnam time; the use case acts only on the month's first working day.
  return [{ name: MONTHLY_REPORTS_TASK, cron: "20 6 * * *", run: () => runMonthlyReports(deps) }];
}
