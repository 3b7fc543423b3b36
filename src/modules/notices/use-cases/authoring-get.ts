// One notice in the office face: the notice, its attachments, its history with who acted, the correction that
// replaced it (when withdrawn) and the steps the caller may take now.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { displayNames } from "../../identity/index.ts";
import type { NoticeRow } from "../notices.model.ts";
import { visibleNotice } from "../notice-access.ts";
import { type AttachmentRow, findCorrectionId, listAttachments, listNoticeEvents, type NoticeEventRow } from "../authoring/authoring.repository.ts";
import { type Ctx, type NoticeActions, noticeActions } from "../authoring/notice-workflow.ts";

export type OfficeNotice = {
  notice: NoticeRow;
  attachments: AttachmentRow[];
  events: (NoticeEventRow & { actorName: string | null })[];
  correctedById: string | null;
  actions: NoticeActions;
};

/** An audited read: the notice names the officers who acted and may hold a list of residents' phone numbers. */
export async function getOfficeNotice(deps: Pick<Deps, "db" | "events">, ctx: Ctx, id: string): Promise<OfficeNotice> {
  const notice = await visibleNotice(deps.db, ctx.principal, id);
  await recordPersonalDataRead(deps, ctx, { target: { type: "notice", id: notice.id }, adminUnitCode: notice.unitCode });
  const [attachments, events, correctedById] = await Promise.all([listAttachments(deps.db, id), listNoticeEvents(deps.db, id), findCorrectionId(deps.db, id)]);
  const names = await displayNames(
    deps.db,
    events.map((e) => e.actorId),
  );
  return {
    notice,
    attachments,
    events: events.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null })),
    correctedById,
    actions: noticeActions(ctx.principal, notice),
  };
}
