// The weekly schedule's pure rules: when two slots collide, when a slot plays in a range of days, and the M3U
// playlist of the coming plays. Times are Vietnam's local clock (UTC+7, no daylight saving time).

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: 1 Monday … 7 Sunday
export type Weekday = (typeof WEEKDAYS)[number];
const VN_OFFSET_MS = 7 * 3_600_000;

export type SlotTimes = {
  weekdays: readonly number[];
  startMinute: number;
  durationMinutes: number;
  validFrom: string; // YYYY-MM-DD
  validUntil: string | null;
};

/** Same weekday, intersecting minutes and intersecting validity: the rule the database's trigger enforces too. */
export function slotsOverlap(a: SlotTimes, b: SlotTimes): boolean {
  if (!a.weekdays.some((d) => b.weekdays.includes(d))) return false;
  if (!(a.startMinute < b.startMinute + b.durationMinutes && b.startMinute < a.startMinute + a.durationMinutes)) return false;
  const aEnd = a.validUntil ?? "9999-12-31";
  const bEnd = b.validUntil ?? "9999-12-31";
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

/** "HH:MM" → minutes from midnight, or null. */
export function parseClock(text: string): number | null {
  const m = /^([01]?\d|2[0-3])[:h.]([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
export const formatClock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The local day (YYYY-MM-DD) `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** ISO weekday of a YYYY-MM-DD day. */
export const isoWeekday = (day: string): Weekday => (((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as Weekday;
/** The instant of a local day's minute. */
export const localInstant = (day: string, minute: number): Date => new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000 - VN_OFFSET_MS);
/** Vietnam's calendar day of an instant. */
export const localDayOf = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

export type Occurrence<S> = { slot: S; day: string; start: Date; end: Date };

/** Each play of the slots on the `days` days from `fromDay`, in time order. */
export function occurrences<S extends SlotTimes>(slots: readonly S[], fromDay: string, days: number): Occurrence<S>[] {
  const out: Occurrence<S>[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(fromDay, i);
    const wd = isoWeekday(day);
    for (const slot of slots) {
      if (!slot.weekdays.includes(wd) || day < slot.validFrom || (slot.validUntil !== null && day > slot.validUntil)) continue;
      const start = localInstant(day, slot.startMinute);
      out.push({ slot, day, start, end: new Date(start.getTime() + slot.durationMinutes * 60_000) });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** An extended M3U: one #EXTINF (whole seconds, a title on one line) per entry, paths relative to the list. */
export function buildM3u(entries: ReadonlyArray<{ seconds: number; title: string; path: string }>): string {
  const lines = ["#EXTM3U"];
  for (const e of entries) {
    const title = e.title.replace(/[\r\n]+/g, " ").trim();
    lines.push(`#EXTINF:${Math.max(1, Math.round(e.seconds))},${title}`, e.path);
  }
  return `${lines.join("\r\n")}\r\n`;
}
