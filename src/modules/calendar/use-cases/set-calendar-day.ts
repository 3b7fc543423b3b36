// Administrators record the Prime Minister's yearly decisions: extra days off, swapped days, make-up Saturdays.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { isDay } from "../../../platform/calendar/holidays.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import type { CalendarDayRow, SetCalendarDayInput } from "../calendar.contract.ts";
import * as repo from "../calendar.repository.ts";
import { requireCalendarManager } from "./calendar-access.ts";
import { invalidateWorkCalendar } from "./load-work-calendar.ts";

type D = Pick<Deps, "db" | "events">;
type Ctx = Context & { principal: Principal | null };

// The contract already checks the day; this guards callers that skip it (CLI, other modules).
function checkDay(day: string) {
  if (!isDay(day)) throw new AppError("validation", "error.validation", [{ field: "day", code: "invalid", message: "calendar.badDay" }]);
}

export async function setCalendarDay(deps: D, ctx: Ctx, day: string, input: z.infer<typeof SetCalendarDayInput>): Promise<CalendarDayRow> {
  requireCalendarManager(ctx.principal);
  checkDay(day);
  const saved = await deps.db.tx(async (q) => {
    const before = await repo.findForUpdate(q, day);
    const row = await repo.upsert(q, { day, kind: input.kind, name: input.name, updatedBy: ctx.actor.userId });
    await deps.events.publish(q, {
      type: "calendar.dayChanged",
      actor: ctx.actor,
      target: { type: "calendarDay", id: day },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { kind: input.kind, name: input.name, previous: before ? { kind: before.kind, name: before.name } : null },
    });
    return row;
  });
  invalidateWorkCalendar(deps.db);
  return saved;
}

/** Removes a stored day; the shipped announcement or the computed rule for that day applies again. */
export async function removeCalendarDay(deps: D, ctx: Ctx, day: string): Promise<void> {
  requireCalendarManager(ctx.principal);
  checkDay(day);
  await deps.db.tx(async (q) => {
    const before = await repo.findForUpdate(q, day);
    if (!before) throw notFound();
    await repo.remove(q, day);
    await deps.events.publish(q, {
      type: "calendar.dayRemoved",
      actor: ctx.actor,
      target: { type: "calendarDay", id: day },
      adminUnitCode: null,
      requestId: ctx.requestId,
      details: { kind: before.kind, name: before.name },
    });
  });
  invalidateWorkCalendar(deps.db);
}
