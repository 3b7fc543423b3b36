// The refresh of indicator_daily_facts from the views the source modules publish (elements/element-sources.ts).
// SEAM: the elements part implements it (incremental by watermark; full for a province); the job queue, the CLI and
// the benchmark call it.
import type { Deps } from "../../../deps.ts";

export type RefreshOptions = {
  /** Only this province's facts (default: every province with data). */
  provinceCode?: string;
  /** Recompute everything instead of only the days touched since the last run. */
  full?: boolean;
};

export type RefreshReport = { sources: { source: string; days: number; rows: number; ms: number }[]; ms: number };

export async function refreshFacts(_deps: Pick<Deps, "db" | "clock" | "log">, _opts: RefreshOptions = {}): Promise<RefreshReport> {
  throw new Error("refreshFacts: not implemented yet (indicators/elements)");
}
