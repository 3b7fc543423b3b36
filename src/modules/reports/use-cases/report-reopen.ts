// "Chưa khắc phục": the reporter says the answer did not fix it, with a reason, before confirm_until. The report
// moves resolved → reopened and comes back to its assignee with a new deadline counted from the reopening (the
// handling part's rule, reportDueAt); the assignee is told.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import * as repo from "../reporting/reporting.repository.ts";
import { canMove, type ReportRow } from "../reports.model.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { assertAwaitingReporter } from "./report-confirm.ts";
import { reportDueAt } from "./handling-deadline.ts";
import { notifyAssignee } from "./handling-notify.ts";
import { type ReporterProof, reporterReport } from "./report-follow.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config">;
type Ctx = Context & { principal: Principal | null };

export const REOPEN_REASON_MAX = 1000;

export async function reopenReport(deps: D, ctx: Ctx, proof: ReporterProof, input: { reason?: unknown }): Promise<ReportRow> {
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) throw new AppError("validation", "error.validation", [{ field: "reason", code: "required", message: "reports.reporting.error.reopenReason" }]);
  if (reason.length > REOPEN_REASON_MAX) {
    throw new AppError("validation", "error.validation", [
      { field: "reason", code: "too_big", message: "reports.reporting.error.tooLong", params: { max: REOPEN_REASON_MAX } },
    ]);
  }
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const r = await reporterReport(q, ctx, proof, true);
    assertAwaitingReporter(r, now);
    if (!canMove(r.status, "reopened")) throw new AppError("conflict", "reports.reporting.error.notResolved");
    const dueAt = await reportDueAt(deps, q, r.categoryId, now);
    await repo.markReopened(q, r.id, now, dueAt);
    await insertReportEvent(q, {
      reportId: r.id,
      kind: "reopened",
      fromStatus: "resolved",
      toStatus: "reopened",
      actorUserId: ctx.principal?.userId ?? null,
      reason,
    });
    await deps.events.publish(q, {
      type: "report.reopened",
      actor: ctx.actor,
      target: { type: "report", id: r.id },
      adminUnitCode: r.communeCode,
      requestId: ctx.requestId,
      details: { code: r.code, reopenCount: r.reopenCount + 1 },
    });
    const reopened: ReportRow = {
      ...r,
      status: "reopened",
      reopenCount: r.reopenCount + 1,
      confirmUntil: null,
      dueAt: dueAt ?? r.dueAt,
      remindedAt: null,
      version: r.version + 1,
    };
    await notifyAssignee(q, deps, reopened, "reopened", String(reopened.reopenCount));
    return reopened;
  });
}
