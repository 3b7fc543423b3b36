// "Đã khắc phục, cảm ơn": the reporter confirms the answer (with an optional 1–5 satisfaction) before confirm_until;
// the report closes. Only the reporter may: by their private link, or as the account that sent it. The closure notice
// goes by e-mail only: the reporter has just seen "closed" on their screen, so an SMS would cost and tell nothing new
// (the auto-close job's closure, which they did not see, goes by SMS too).
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../reporting/reporting.repository.ts";
import { canMove, type ReportRow } from "../reports.model.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { notifyReporter } from "./handling-notify.ts";
import { type ReporterProof, reporterReport } from "./report-follow.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config">;
type Ctx = Context & { principal: Principal | null };

/** Only a resolved report waiting for its reporter, before the window closes. */
export function assertAwaitingReporter(r: ReportRow, now: Date): void {
  if (r.status === "closed") throw new AppError("conflict", "reports.reporting.error.confirmClosed");
  if (r.status !== "resolved") throw new AppError("conflict", "reports.reporting.error.notResolved");
  if (r.confirmUntil && r.confirmUntil.getTime() < now.getTime()) throw new AppError("conflict", "reports.reporting.error.confirmClosed");
}

export function parseSatisfaction(raw: unknown): number | null {
  if (raw === undefined || raw === null || raw === "") return null;
  const n = typeof raw === "number" ? raw : Number(String(raw).trim());
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    throw new AppError("validation", "error.validation", [{ field: "satisfaction", code: "range", message: "reports.reporting.error.satisfaction" }]);
  }
  return n;
}

export async function confirmReport(deps: D, ctx: Ctx, proof: ReporterProof, input: { satisfaction?: unknown }): Promise<ReportRow> {
  const satisfaction = parseSatisfaction(input.satisfaction);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const r = await reporterReport(q, ctx, proof, true);
    assertAwaitingReporter(r, now);
    if (!canMove(r.status, "closed")) throw new AppError("conflict", "reports.reporting.error.notResolved");
    await repo.markConfirmed(q, r.id, satisfaction, now);
    await insertReportEvent(q, {
      reportId: r.id,
      kind: "confirmed",
      fromStatus: "resolved",
      toStatus: "closed",
      actorUserId: ctx.principal?.userId ?? null,
      data: satisfaction ? { satisfaction } : {},
    });
    await deps.events.publish(q, {
      type: "report.confirmed",
      actor: ctx.actor,
      target: { type: "report", id: r.id },
      adminUnitCode: r.communeCode,
      requestId: ctx.requestId,
      details: { code: r.code, ...(satisfaction ? { satisfaction } : {}) },
    });
    const closed: ReportRow = { ...r, status: "closed", confirmedAt: now, closedAt: now, satisfaction, version: r.version + 1 };
    await notifyReporter(q, deps, closed, "closed", r.reopenCount, { sms: false });
    return closed;
  });
}
