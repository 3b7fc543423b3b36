// The computed elements' catalogue as officers see it: each element with its source module, how it is counted, its
// level, whether its source has landed, and when its source was last refreshed. indicator.read anywhere.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { COMPUTED_ELEMENTS, type ComputedElement } from "../elements/element-catalogue.ts";
import { refreshSourceOf } from "../elements/element-sources.ts";

export type ElementStatus = ComputedElement & {
  /** The refresh step that writes it (dossiers, reports, notices, hall, visits, stocks), null when not landed. */
  refreshedBy: string | null;
  lastRefreshAt: string | null;
};
export type RefreshRun = { source: string; lastRunAt: string | null; lastMs: number | null; lastRows: number | null };
export type ElementsStatus = { elements: ElementStatus[]; runs: RefreshRun[] };

export async function readElementsStatus(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }): Promise<ElementsStatus> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (scopePaths(p, "indicator.read").length === 0) throw new AppError("forbidden", "error.forbidden");
  const { rows } = await deps.db.query<{ source: string; lastRunAt: Date | null; lastMs: number | null; lastRows: number | null }>(
    `SELECT source, last_run_at AS "lastRunAt", last_ms AS "lastMs", last_rows AS "lastRows" FROM indicator_refresh_state ORDER BY source`,
  );
  const runs = rows.map((r) => ({ ...r, lastRunAt: r.lastRunAt?.toISOString() ?? null }));
  // A source's last refresh: its latest run, whole or for one province.
  const lastOf = (source: string) =>
    runs
      .filter((r) => r.source === source || r.source.startsWith(`${source}:`))
      .map((r) => r.lastRunAt)
      .filter((x): x is string => x != null)
      .sort()
      .at(-1) ?? null;
  const elements = COMPUTED_ELEMENTS.map((e) => {
    const by = e.landed ? refreshSourceOf(e.key) : null;
    return { ...e, refreshedBy: by, lastRefreshAt: by ? lastOf(by) : null };
  });
  return { elements, runs };
}
