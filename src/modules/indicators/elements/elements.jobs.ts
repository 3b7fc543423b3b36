// The elements part's scheduled tasks (the job queue: src/platform/jobs/job-queue.ts). Each body is a use case.
import type { Deps } from "../../../deps.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { JobTask } from "../../../platform/jobs/job-queue.ts";
import { refreshFacts } from "../use-cases/facts-refresh.ts";

export const REFRESH_FACTS_TASK = "indicators.refresh-facts";
export const REBUILD_YESTERDAY_TASK = "indicators.rebuild-yesterday";

/** The data a queued refresh may carry (the "refresh now" button sends {}; the CLI may name a province). */
const refreshData = (data: unknown): { provinceCode?: string } => {
  const p = (data as { provinceCode?: unknown } | null)?.provinceCode;
  return typeof p === "string" && /^[0-9]{2}$/.test(p) ? { provinceCode: p } : {};
};

export function elementsJobs(deps: Deps): JobTask[] {
  return [
    // The days touched since the last run, every 10 minutes.
    { name: REFRESH_FACTS_TASK, cron: "*/10 * * * *", run: (data) => refreshFacts(deps, refreshData(data)) },
    // At night, yesterday recomputed whole for every commune: catches what no change record shows (a deleted row).
    {
      name: REBUILD_YESTERDAY_TASK,
      cron: "40 1 * * *",
      run: () => {
        const yesterday = toLocalDay(new Date(deps.clock.now().getTime() - 24 * 3_600_000));
        return refreshFacts(deps, { days: { from: yesterday, to: yesterday } });
      },
    },
  ];
}
