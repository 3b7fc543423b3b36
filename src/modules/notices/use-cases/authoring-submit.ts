// The author sends a draft for review (draft → in_review): an approver of the unit sees it under "in review".
import { validationError } from "../../../platform/http/app-error.ts";
import type { NoticeRow } from "../notices.model.ts";
import { visibleNotice } from "../notice-access.ts";
import { findNotice } from "../notices.repository.ts";
import { VersionBody } from "../authoring/authoring.contract.ts";
import { moveNotice } from "../authoring/authoring.repository.ts";
import { assertAction, assertVersion, type Ctx, type D, recordStep } from "../authoring/notice-workflow.ts";

export async function submitNotice(deps: D, ctx: Ctx, id: string, raw: unknown): Promise<NoticeRow> {
  await visibleNotice(deps.db, ctx.principal, id);
  const parsed = VersionBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const p = ctx.principal!;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const n = await visibleNotice(q, p, id, true);
    assertAction(p, n, "submit", ["draft"], "notice.draft");
    assertVersion(n, parsed.data.version);
    await moveNotice(q, id, "in_review", { reviewNote: null }, now);
    await recordStep(q, deps, ctx, n, { type: "notice.submitted", kind: "submitted", at: now });
    return (await findNotice(q, id))!;
  });
}
