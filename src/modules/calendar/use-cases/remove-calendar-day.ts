// Removes a stored day; the shipped announcement or the computed rule for that day applies again.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../calendar.repository.ts";
import { requireCalendarManager } from "./calendar-access.ts";
import { checkDay } from "./calendar-day-check.ts";
import { invalidateWorkCalendar } from "./load-work-calendar.ts";

export async function removeCalendarDay(deps: Pick<Deps, "db" | "events">, ctx: Context & { principal: Principal | null }, day: string): Promise<void> {
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
