// An emergency notice published straight away by someone holding notice.emergency, without review: review_skipped
// is set and the audit gets its own event type (notice.publishedWithoutReview) so that every skip can be found.
import { validationError } from "../../../platform/http/app-error.ts";
import type { NoticeRow } from "../notices.model.ts";
import { visibleNotice } from "../notice-access.ts";
import { findNotice } from "../notices.repository.ts";
import { VersionBody } from "../authoring/authoring.contract.ts";
import { moveNotice } from "../authoring/authoring.repository.ts";
import { assertAction, assertVersion, type Ctx, type D, recordStep } from "../authoring/notice-workflow.ts";
import { queueNoticeFanOut } from "./audiences-queue-fan-out.ts";

export async function publishEmergencyNotice(deps: D, ctx: Ctx, id: string, raw: unknown): Promise<NoticeRow> {
  await visibleNotice(deps.db, ctx.principal, id);
  const parsed = VersionBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const p = ctx.principal!;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const n = await visibleNotice(q, p, id, true);
    assertAction(p, n, "publish", ["draft", "in_review"], "notice.emergency");
    assertVersion(n, parsed.data.version);
    await moveNotice(q, id, "published", { publishedAt: now, reviewSkipped: true, scheduledAt: null, reviewNote: null }, now);
    await recordStep(q, deps, ctx, n, {
      type: "notice.publishedWithoutReview",
      kind: "published_without_review",
      at: now,
      details: { reviewSkipped: true, category: n.category, from: n.status, channels: n.channels },
    });
    await queueNoticeFanOut(q, { id, scheduledAt: null });
    return (await findNotice(q, id))!;
  });
}
