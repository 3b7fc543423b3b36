// The SMS daily cap of a commune, as a plan: how many of a notice's SMS go now and how many wait for 07:00 of a
// later Vietnam day (and so on, day by day). Never drops a message; an emergency ignores the cap.
import { localInstant, nextLocalDay, toLocalDay } from "../../../platform/calendar/vietnam-time.ts";

/** Deferred SMS go out from this hour (Vietnam), not in the night. */
export const DEFERRED_SMS_TIME = "07:00";
/** A plan never looks further than this many days (a cap of 1 and 100,000 messages would otherwise loop long). */
const MAX_DAYS = 3660;

export type SmsBatch = { count: number; dueAt: Date | null; day: string };

/**
 * Splits `count` SMS over days: today what the cap leaves (due now: dueAt null), then `cap` minus what is already
 * due on each later day at 07:00. `dueByDay`: SMS already due per Vietnam day (YYYY-MM-DD).
 */
export function planSmsDays(input: { count: number; cap: number; dueByDay: ReadonlyMap<string, number>; now: Date; emergency: boolean }): SmsBatch[] {
  const today = toLocalDay(input.now);
  if (input.count <= 0) return [];
  if (input.emergency || !Number.isFinite(input.cap) || input.cap <= 0) return [{ count: input.count, dueAt: null, day: today }];
  const batches: SmsBatch[] = [];
  let left = input.count;
  let day = today;
  for (let i = 0; left > 0; i++) {
    const room = i >= MAX_DAYS ? left : Math.max(0, input.cap - (input.dueByDay.get(day) ?? 0));
    const n = Math.min(room, left);
    if (n > 0) {
      batches.push({ count: n, dueAt: i === 0 ? null : localInstant(day, DEFERRED_SMS_TIME), day });
      left -= n;
    }
    day = nextLocalDay(day);
  }
  return batches;
}

/** What the preview says of the cap: today's allowance and what this notice would leave for later days. */
export function capSummary(input: { count: number; cap: number; dueToday: number; emergency: boolean }) {
  const limited = Number.isFinite(input.cap) && input.cap > 0;
  const remaining = limited ? Math.max(0, input.cap - input.dueToday) : null;
  const deferred = !limited || input.emergency ? 0 : Math.max(0, input.count - (remaining ?? 0));
  return { cap: limited ? input.cap : null, dueToday: input.dueToday, thisNotice: input.count, remainingToday: remaining, deferred };
}
