// The province's review (indicator.review): approve submitted values, which then count and are locked, or return
// them with a comment saying what to correct. One value at a time, or every submitted value of a commune's period.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import type { Context } from "../../../../platform/events/domain-events.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import * as repo from "../entry.repository.ts";
import { authoriseAny, entryCommune } from "./entry-access.ts";
import { checkEntryPeriod } from "./entry-form.ts";

export type ReviewInput =
  | { decision: "approve" | "return"; comment?: string | null; ids: string[] }
  | { decision: "approve" | "return"; comment?: string | null; unit: string; period: string };

const MAX_COMMENT = 1000;

/** Returns how many values were reviewed. */
export async function reviewValues(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  input: ReviewInput,
): Promise<number> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const comment = (input.comment ?? "").trim();
  if (input.decision === "return" && comment === "")
    throw new AppError("validation", "error.validation", [{ field: "comment", code: "required", message: "indicators.entry.error.commentRequired" }]);
  if (comment.length > MAX_COMMENT)
    throw new AppError("validation", "error.validation", [
      { field: "comment", code: "too_long", message: "indicators.entry.error.noteTooLong", params: { max: MAX_COMMENT } },
    ]);
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    let rows: repo.ManualValueRow[];
    if ("ids" in input) {
      if (input.ids.length === 0 || !input.ids.every(isUuid))
        throw new AppError("validation", "error.validation", [{ field: "ids", code: "invalid", message: "indicators.entry.error.unknownValue" }]);
      rows = [];
      for (const id of input.ids) {
        const row = await repo.valueById(q, id, true);
        if (!row) throw new AppError("not_found", "error.notFound");
        authoriseAny(p, ["indicator.review"], { code: row.unitCode, path: row.unitPath });
        rows.push(row);
      }
      if (rows.some((r) => r.status !== "submitted")) throw new AppError("conflict", "indicators.entry.error.notSubmitted");
    } else {
      const unit = await entryCommune(deps, p, input.unit, ["indicator.review"]);
      const period = checkEntryPeriod(input.period, toLocalDay(now));
      rows = (await repo.valuesOf(q, unit.code, period.code, true)).filter((r) => r.status === "submitted");
      if (rows.length === 0) throw new AppError("conflict", "indicators.entry.error.notSubmitted");
    }
    const status = input.decision === "approve" ? "approved" : "returned";
    await repo.markReviewed(
      q,
      rows.map((r) => r.id),
      status,
      status === "returned" ? comment : comment || null,
      p.userId,
      now,
    );
    for (const r of rows) {
      await deps.events.publish(q, {
        type: status === "approved" ? "indicatorValue.approved" : "indicatorValue.returned",
        actor: ctx.actor,
        requestId: ctx.requestId,
        adminUnitCode: r.unitCode,
        target: { type: "indicatorValue", id: r.id },
        details: { element: r.elementKey, unit: r.unitCode, period: r.period, value: r.value, revision: r.revision, ...(comment ? { comment } : {}) },
      });
    }
    return rows.length;
  });
}

/** The review queue: submitted values of the communes under the reviewer's grants. */
export async function reviewQueue(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }): Promise<repo.ReviewRow[]> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(p, "indicator.review");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  return repo.submittedUnder(deps.db, paths);
}
