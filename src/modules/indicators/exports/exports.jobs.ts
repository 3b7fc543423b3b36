// The exports part's scheduled tasks (the job queue: src/platform/jobs/job-queue.ts). Each body is a use case.
import type { Deps } from "../../../deps.ts";
import type { JobTask } from "../../../platform/jobs/job-queue.ts";

export function exportsJobs(_deps: Deps): JobTask[] {
  return [];
}
