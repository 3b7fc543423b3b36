// The calendar every deadline uses: shipped government decisions, overlaid by the rows administrators set.
import type { Deps } from "../../../deps.ts";
import { ANNOUNCED_DAYS } from "../../../platform/calendar/announced-days.ts";
import { buildWorkCalendar, type CalendarOverride, type WorkCalendar } from "../../../platform/calendar/working-time.ts";
import type { Database } from "../../../platform/db/database.ts";
import * as repo from "../calendar.repository.ts";

const TTL_MS = 60_000;

// One entry per database (tests run several in one process). This process drops its entry on its own writes;
// other processes behind the same database see a change within TTL_MS, when their entry expires.
const cache = new WeakMap<Database, { loadedAt: number; generation: number; calendar: WorkCalendar }>();
const generations = new WeakMap<Database, number>();

/** Stored rows win over the shipped announcements for the same day. */
export function mergeOverrides(announced: readonly CalendarOverride[], stored: readonly CalendarOverride[]): CalendarOverride[] {
  const byDay = new Map<string, CalendarOverride>();
  for (const o of announced) byDay.set(o.day, o);
  for (const o of stored) byDay.set(o.day, { day: o.day, kind: o.kind, name: o.name });
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export async function loadWorkCalendar(deps: Pick<Deps, "db" | "clock">): Promise<WorkCalendar> {
  const now = deps.clock.now().getTime();
  const hit = cache.get(deps.db);
  const generation = generations.get(deps.db) ?? 0;
  if (hit && hit.generation === generation && now >= hit.loadedAt && now - hit.loadedAt < TTL_MS) return hit.calendar;
  const calendar = buildWorkCalendar(mergeOverrides(ANNOUNCED_DAYS, await repo.listAll(deps.db)));
  // A write that landed while we were reading bumped the generation: do not keep what may predate it.
  if ((generations.get(deps.db) ?? 0) === generation) cache.set(deps.db, { loadedAt: now, generation, calendar });
  return calendar;
}

/** Called after this process changes calendar_days. */
export function invalidateWorkCalendar(db: Database): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
  cache.delete(db);
}
