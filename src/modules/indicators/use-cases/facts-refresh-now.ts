// "Refresh now" (indicator.manage): the facts of the provinces the officer manages refreshed at once (the days
// touched since the last run), instead of waiting for the 10-minute job. The advisory lock makes a click during a
// running refresh a no-op (skipped). The request is recorded as an event (the audit log).
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type RefreshReport, refreshFacts } from "./facts-refresh.ts";

type Ctx = { actor: Actor; requestId: string | null; principal: Principal | null };

export async function refreshFactsNow(deps: Pick<Deps, "db" | "clock" | "log" | "events">, ctx: Ctx): Promise<RefreshReport> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(p, "indicator.manage");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  // A grant on the whole country ('/'): every province; else the provinces the grants lie in.
  const provinces = paths.some((x) => x.split("/").filter(Boolean).length === 0)
    ? [undefined]
    : [...new Set(paths.map((x) => x.split("/").filter(Boolean)[0] as string))];
  const report: RefreshReport = { sources: [], ms: 0 };
  for (const provinceCode of provinces) {
    const r = await refreshFacts(deps, provinceCode ? { provinceCode } : {});
    if (r.skipped) report.skipped = true;
    report.sources.push(...r.sources);
    report.ms += r.ms;
  }
  await deps.db.tx((q) =>
    deps.events.publish(q, {
      type: "indicatorFacts.refreshed",
      actor: ctx.actor,
      target: { type: "indicator_facts", id: null },
      adminUnitCode: provinces.length === 1 && provinces[0] ? provinces[0] : null,
      requestId: ctx.requestId,
      details: { provinces: provinces.filter(Boolean), skipped: !!report.skipped, rows: report.sources.reduce((n, s) => n + s.rows, 0) },
    }),
  );
  return report;
}
