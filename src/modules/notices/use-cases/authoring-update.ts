// An author edits a draft (a notice sent back is a draft again). The version they saw must still be the notice's.
import type { NoticeRow } from "../notices.model.ts";
import { visibleNotice } from "../notice-access.ts";
import { findNotice } from "../notices.repository.ts";
import { NoticeUpdate } from "../authoring/authoring.contract.ts";
import { updateNoticeFields } from "../authoring/authoring.repository.ts";
import { type IncomingFile, saveAttachments } from "../authoring/notice-files.ts";
import { readNoticeInput } from "../authoring/notice-input.ts";
import { assertAction, assertVersion, type Ctx, type D, recordStep } from "../authoring/notice-workflow.ts";

export async function updateNotice(
  deps: D,
  ctx: Ctx,
  id: string,
  raw: unknown,
  files: readonly IncomingFile[] = [],
  clientIp: string | null = null,
): Promise<NoticeRow> {
  const seen = await visibleNotice(deps.db, ctx.principal, id);
  const p = ctx.principal!;
  assertAction(p, seen, "edit", ["draft"], "notice.draft");
  const { fields, input } = await readNoticeInput(deps, p, raw, seen, NoticeUpdate);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const n = await visibleNotice(q, p, id, true);
    assertVersion(n, (input as NoticeUpdate).version);
    assertAction(p, n, "edit", ["draft"], "notice.draft");
    await updateNoticeFields(q, id, fields, now);
    await saveAttachments(q, deps, p, { id, unitCode: fields.unitCode }, files, clientIp);
    await recordStep(q, deps, ctx, n, { type: "notice.edited", kind: "edited", at: now, details: { version: n.version + 1 } });
    return (await findNotice(q, id))!;
  });
}
