// A correction of an approved value: the commune (or the province) asks for it with a reason; the value becomes a
// draft of the next revision, stops counting, and goes through submission and review again. The event keeps the
// value that was approved, so the audit log holds every revision.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import type { Context } from "../../../../platform/events/domain-events.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import * as repo from "../entry.repository.ts";
import { authoriseAny } from "./entry-access.ts";

const MAX_REASON = 1000;

export async function reopenValue(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  id: string,
  reason: string | null | undefined,
): Promise<{ revision: number }> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!isUuid(id)) throw new AppError("not_found", "error.notFound");
  return deps.db.tx(async (q) => {
    const row = await repo.valueById(q, id, true);
    if (!row) throw new AppError("not_found", "error.notFound");
    authoriseAny(p, ["indicator.enter", "indicator.review"], { code: row.unitCode, path: row.unitPath });
    const text = (reason ?? "").trim();
    if (text === "")
      throw new AppError("validation", "error.validation", [{ field: "reason", code: "required", message: "indicators.entry.error.reasonRequired" }]);
    if (text.length > MAX_REASON)
      throw new AppError("validation", "error.validation", [
        { field: "reason", code: "too_long", message: "indicators.entry.error.noteTooLong", params: { max: MAX_REASON } },
      ]);
    if (row.status !== "approved") throw new AppError("conflict", "indicators.entry.error.notApproved");
    const revision = await repo.reopen(q, row.id, text);
    await deps.events.publish(q, {
      type: "indicatorValue.reopened",
      actor: ctx.actor,
      requestId: ctx.requestId,
      adminUnitCode: row.unitCode,
      target: { type: "indicatorValue", id: row.id },
      details: {
        element: row.elementKey,
        unit: row.unitCode,
        period: row.period,
        approvedValue: row.value,
        previousRevision: row.revision,
        revision,
        reason: text,
      },
    });
    return { revision };
  });
}
