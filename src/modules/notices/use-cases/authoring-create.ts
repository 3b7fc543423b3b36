// An author writes a notice: it starts as a draft of the unit they draft for, with its channel versions derived
// and, from the office form, its attachments.
import { AppError } from "../../../platform/http/app-error.ts";
import { findNotice } from "../notices.repository.ts";
import type { NoticeRow } from "../notices.model.ts";
import { insertNotice } from "../authoring/authoring.repository.ts";
import { type IncomingFile, assertAttachmentCount, saveAttachments } from "../authoring/notice-files.ts";
import { readNoticeInput } from "../authoring/notice-input.ts";
import { type Ctx, type D, recordStep } from "../authoring/notice-workflow.ts";

/** `files`: attachments sent with the office form, stored with the draft (all or nothing). */
export async function createNotice(deps: D, ctx: Ctx, raw: unknown, files: readonly IncomingFile[] = [], clientIp: string | null = null): Promise<NoticeRow> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const { fields } = await readNoticeInput(deps, p, raw, null);
  assertAttachmentCount(0, files);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const id = await insertNotice(q, fields, { authorId: p.userId, now });
    await recordStep(
      q,
      deps,
      ctx,
      { id, unitCode: fields.unitCode },
      {
        type: "notice.created",
        kind: "created",
        at: now,
        details: { category: fields.category, scope: fields.scope, channels: fields.channels },
      },
    );
    await saveAttachments(q, deps, p, { id, unitCode: fields.unitCode }, files, clientIp);
    return (await findNotice(q, id))!;
  });
}
