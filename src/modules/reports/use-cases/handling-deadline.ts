// The answer's deadline: the category's time limit in working days (the calendar of #3), by the one due-date rule.
// Submission sets it; a reopening starts a new one from the reopening (the commune gets the same time again to
// answer properly, and the reminder is sent again), which the reporter's reopen step takes from here.
import type { Deps } from "../../../deps.ts";
import { computeDueAt } from "../../../platform/calendar/working-time.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { findCategoryFacts } from "../handling/handling.repository.ts";

export async function reportDueAt(deps: Pick<Deps, "db" | "clock">, q: Queryable, categoryId: string, from: Date): Promise<Date | null> {
  const category = await findCategoryFacts(q, categoryId);
  if (!category) return null;
  const cal = await loadWorkCalendar(deps);
  return computeDueAt(cal, { receivedAt: from, duration: { unit: "days", amount: category.timeLimitDays }, cutOff: null });
}
