// An approver withdraws a scheduled or published notice with a reason. A published one gets a correction notice at
// once ("Đính chính: …", corrects_id → it) with the same unit, scope, audience and channels, queued for fan-out in
// the same transaction, so the people who had the notice learn of the correction on the same channels. A scheduled
// notice withdrawn before its time is simply never sent (the fan-out skips a notice no longer scheduled).
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { NOTICE_LIMITS, type NoticeRow } from "../notices.model.ts";
import { visibleNotice } from "../notice-access.ts";
import { findNotice } from "../notices.repository.ts";
import { WithdrawBody } from "../authoring/authoring.contract.ts";
import { copyAttachments, insertNotice, moveNotice } from "../authoring/authoring.repository.ts";
import { assertAction, assertVersion, type Ctx, type D, recordStep } from "../authoring/notice-workflow.ts";
import { deriveSmsText } from "../authoring/sms-version.ts";
import { deriveSpeechText } from "../authoring/speech-script.ts";
import { queueNoticeFanOut } from "./audiences-queue-fan-out.ts";

export const CORRECTION_PREFIX = "Đính chính: ";

export function correctionTitle(title: string): string {
  const full = `${CORRECTION_PREFIX}${title}`;
  return full.length <= NOTICE_LIMITS.titleChars ? full : `${full.slice(0, NOTICE_LIMITS.titleChars - 1)}…`;
}

export async function withdrawNotice(deps: D, ctx: Ctx, id: string, raw: unknown): Promise<{ notice: NoticeRow; correction: NoticeRow | null }> {
  const seen = await visibleNotice(deps.db, ctx.principal, id);
  const parsed = WithdrawBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const p = ctx.principal!;
  const input = parsed.data;
  const now = deps.clock.now();
  const needsCorrection = seen.status === "published";
  if (needsCorrection && !input.correction)
    throw new AppError("validation", "error.validation", [{ field: "correction", code: "required", message: "validation.required" }]);
  if (input.correction && /<\/?[a-zA-Z!][^>]*>/.test(input.correction))
    throw new AppError("validation", "error.validation", [{ field: "correction", code: "html", message: "notices.authoring.error.html" }]);
  const title = correctionTitle(seen.title);
  const sms = input.correction ? deriveSmsText(title, input.correction) : null;
  if (sms && !sms.ok && seen.channels.includes("sms"))
    throw new AppError("validation", "error.validation", [
      { field: "correction", code: "tooLong", message: "notices.authoring.error.smsTooLong", params: { chars: sms.chars, max: sms.max } },
    ]);

  return deps.db.tx(async (q) => {
    const n = await visibleNotice(q, p, id, true);
    assertAction(p, n, "withdraw", ["scheduled", "published"], "notice.approve");
    assertVersion(n, input.version);
    await moveNotice(q, id, "withdrawn", { withdrawnAt: now, withdrawalReason: input.reason }, now);
    await recordStep(q, deps, ctx, n, {
      type: "notice.withdrawn",
      kind: "withdrawn",
      note: input.reason,
      at: now,
      details: { from: n.status, reason: input.reason },
    });
    let correction: NoticeRow | null = null;
    if (n.status === "published" && input.correction) {
      const today = toLocalDay(now);
      const correctionId = await insertNotice(
        q,
        {
          unitCode: n.unitCode,
          unitPath: n.unitPath,
          category: n.category,
          title,
          body: input.correction,
          scope: n.scope,
          villageCodes: n.villageCodes,
          validFrom: today,
          validUntil: n.validUntil && n.validUntil >= today ? n.validUntil : null,
          channels: n.channels,
          audience: n.audience,
          smsText: sms?.ok ? sms.text : null,
          smsEdited: false,
          speechText: deriveSpeechText(title, input.correction),
          speechEdited: false,
        },
        { authorId: p.userId, correctsId: n.id, now },
      );
      await copyAttachments(q, n.id, correctionId);
      await moveNotice(q, correctionId, "published", { publishedAt: now, approvedBy: p.userId, approvedAt: now }, now);
      await recordStep(
        q,
        deps,
        ctx,
        { id: correctionId, unitCode: n.unitCode },
        {
          type: "notice.correctionPublished",
          kind: "correction_created",
          note: input.reason,
          at: now,
          details: { correctsId: n.id },
        },
      );
      await queueNoticeFanOut(q, { id: correctionId, scheduledAt: null });
      correction = await findNotice(q, correctionId);
    }
    return { notice: (await findNotice(q, id))!, correction };
  });
}
