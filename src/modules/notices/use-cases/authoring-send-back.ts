// An approver sends a notice in review back to its author with a note (in_review → draft).
import { validationError } from "../../../platform/http/app-error.ts";
import type { NoticeRow } from "../notices.model.ts";
import { visibleNotice } from "../notice-access.ts";
import { findNotice } from "../notices.repository.ts";
import { SendBackBody } from "../authoring/authoring.contract.ts";
import { moveNotice } from "../authoring/authoring.repository.ts";
import { assertAction, assertVersion, type Ctx, type D, recordStep } from "../authoring/notice-workflow.ts";

export async function sendBackNotice(deps: D, ctx: Ctx, id: string, raw: unknown): Promise<NoticeRow> {
  await visibleNotice(deps.db, ctx.principal, id);
  const parsed = SendBackBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const p = ctx.principal!;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const n = await visibleNotice(q, p, id, true);
    assertAction(p, n, "sendBack", ["in_review"], "notice.approve");
    assertVersion(n, parsed.data.version);
    await moveNotice(q, id, "draft", { reviewNote: parsed.data.note }, now);
    await recordStep(q, deps, ctx, n, { type: "notice.sentBack", kind: "sent_back", note: parsed.data.note, at: now });
    return (await findNotice(q, id))!;
  });
}
