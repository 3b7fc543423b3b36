// Hide a report from the public page (or show it again), with a reason: an officer with report.moderate on it.
// The step is a report event that the public does not see, and an audit entry (the domain event) in the same
// transaction. Hiding changes nothing of the handling: the commune still answers, the reporter still follows.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { setReportHidden } from "../photos/photos.repository.ts";
import { findReport, insertReportEvent } from "../reports.repository.ts";
import type { ReportRow } from "../reports.model.ts";
import { moderationReason, reportToModerate } from "./moderation-shared.ts";

export async function moderateReport(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  input: { reportId: string; hide: boolean; reason?: unknown },
): Promise<{ report: ReportRow; changed: boolean }> {
  return deps.db.tx(async (q) => {
    const report = await reportToModerate(q, ctx.principal, input.reportId);
    const reason = moderationReason(input.reason, input.hide);
    // Already as asked: nothing to record (a double click, a retried API call).
    if ((report.hiddenAt !== null) === input.hide) return { report, changed: false };
    const now = deps.clock.now();
    const userId = ctx.principal!.userId;
    await setReportHidden(q, report.id, input.hide ? { reason: reason!, by: userId, at: now } : null);
    await insertReportEvent(q, {
      reportId: report.id,
      kind: input.hide ? "hidden" : "unhidden",
      actorUserId: userId,
      reason,
      public: false,
      data: input.hide ? {} : { previousReason: report.hiddenReason },
    });
    await deps.events.publish(q, {
      type: input.hide ? "report.hidden" : "report.unhidden",
      actor: ctx.actor,
      target: { type: "report", id: report.id },
      adminUnitCode: report.villageCode ?? report.communeCode,
      requestId: ctx.requestId,
      details: { code: report.code, ...(reason ? { reason } : {}) },
    });
    return { report: (await findReport(q, report.id))!, changed: true };
  });
}
