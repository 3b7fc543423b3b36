// Administrators record the Prime Minister's yearly decisions: extra days off, swapped days, make-up Saturdays.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import type { CalendarDayRow, SetCalendarDayInput } from "../calendar.contract.ts";
import * as repo from "../calendar.repository.ts";
import { requireCalendarManager } from "./calendar-access.ts";
import { checkDay } from "./calendar-day-check.ts";
import { invalidateWorkCalendar } from "./load-work-calendar.ts";

export async function setCalendarDay(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  day: string,
  input: z.infer<typeof SetCalendarDayInput>,
): Promise<CalendarDayRow> {
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
