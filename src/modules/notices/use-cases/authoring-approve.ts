// An approver (not the author) approves a notice in review: published now, or scheduled for a future time. The
// fan-out is queued in the same transaction (audiences part), so an approved notice is never lost nor sent twice.
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import type { NoticeRow } from "../notices.model.ts";
import { visibleNotice } from "../notice-access.ts";
import { findNotice } from "../notices.repository.ts";
import { ApproveBody } from "../authoring/authoring.contract.ts";
import { moveNotice } from "../authoring/authoring.repository.ts";
import { assertAction, assertVersion, type Ctx, type D, recordStep } from "../authoring/notice-workflow.ts";
import { queueNoticeFanOut } from "./audiences-queue-fan-out.ts";

/** A send time: in the future (a minute's grace for the form's round trip), within a year. */
export function readSendTime(raw: string | undefined, now: Date): Date | null {
  if (!raw) return null;
  const at = new Date(raw);
  if (at.getTime() <= now.getTime() + 60_000) return null;
  if (at.getTime() > now.getTime() + 366 * 86_400_000)
    throw new AppError("validation", "error.validation", [{ field: "scheduledAt", code: "tooFar", message: "notices.authoring.error.scheduleTooFar" }]);
  return at;
}

export async function approveNotice(deps: D, ctx: Ctx, id: string, raw: unknown): Promise<NoticeRow> {
  await visibleNotice(deps.db, ctx.principal, id);
  const parsed = ApproveBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const p = ctx.principal!;
  const now = deps.clock.now();
  if (parsed.data.scheduledAt && new Date(parsed.data.scheduledAt).getTime() < now.getTime() - 60_000)
    throw new AppError("validation", "error.validation", [{ field: "scheduledAt", code: "past", message: "notices.authoring.error.schedulePast" }]);
  const scheduledAt = readSendTime(parsed.data.scheduledAt, now);
  return deps.db.tx(async (q) => {
    const n = await visibleNotice(q, p, id, true);
    assertAction(p, n, "approve", ["in_review"], "notice.approve");
    assertVersion(n, parsed.data.version);
    await moveNotice(
      q,
      id,
      scheduledAt ? "scheduled" : "published",
      { scheduledAt, publishedAt: scheduledAt ? null : now, approvedBy: p.userId, approvedAt: now, reviewNote: null },
      now,
    );
    await recordStep(q, deps, ctx, n, {
      type: "notice.approved",
      kind: scheduledAt ? "scheduled" : "approved",
      at: now,
      details: { scheduledAt: scheduledAt?.toISOString() ?? null, channels: n.channels },
    });
    await queueNoticeFanOut(q, { id, scheduledAt });
    return (await findNotice(q, id))!;
  });
}
