// Hide one photo of a report or of its answer (or show it again), with a reason: "faces are the officer's
// responsibility". The public copy then answers 404 to everyone but the reporter's private link and officers.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { findPhotoWithReport, type PhotoRow, setPhotoHidden } from "../photos/photos.repository.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { moderationReason, reportToModerate } from "./moderation-shared.ts";

export async function moderatePhoto(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  input: { photoId: string; hide: boolean; reason?: unknown; reportId?: string },
): Promise<{ photo: PhotoRow; changed: boolean }> {
  if (!isUuid(input.photoId)) throw notFound();
  return deps.db.tx(async (q) => {
    const before = await findPhotoWithReport(q, input.photoId);
    // A photo under another report's address is not found there (forms post to /office/reports/:id/...).
    if (!before || (input.reportId !== undefined && before.reportId !== input.reportId)) throw notFound();
    const report = await reportToModerate(q, ctx.principal, before.reportId);
    const locked = (await findPhotoWithReport(q, input.photoId, true))!;
    const reason = moderationReason(input.reason, input.hide);
    const { report: _r, ...photo } = locked;
    if ((locked.hiddenAt !== null) === input.hide) return { photo, changed: false };
    const now = deps.clock.now();
    const userId = ctx.principal!.userId;
    await setPhotoHidden(q, locked.id, input.hide ? { reason: reason!, by: userId, at: now } : null);
    await insertReportEvent(q, {
      reportId: report.id,
      kind: input.hide ? "photo_hidden" : "photo_unhidden",
      actorUserId: userId,
      reason,
      public: false,
      data: { photoId: locked.id, stage: locked.stage, ...(input.hide ? {} : { previousReason: locked.hiddenReason }) },
    });
    await deps.events.publish(q, {
      type: input.hide ? "report.photoHidden" : "report.photoUnhidden",
      actor: ctx.actor,
      target: { type: "reportPhoto", id: locked.id },
      adminUnitCode: report.villageCode ?? report.communeCode,
      requestId: ctx.requestId,
      details: { reportId: report.id, code: report.code, stage: locked.stage, ...(reason ? { reason } : {}) },
    });
    const after = input.hide
      ? { ...photo, hiddenAt: now, hiddenReason: reason, hiddenBy: userId }
      : { ...photo, hiddenAt: null, hiddenReason: null, hiddenBy: null };
    return { photo: after, changed: true };
  });
}
