import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANNOUNCED_DAYS } from "./announced-days.ts";
import {
  addWorkingDays,
  addWorkingHours,
  buildWorkCalendar,
  closeOfOfficeDay,
  computeDueAt,
  countingStart,
  durationHours,
  toLocalDay,
  workingHoursBetween,
  type WorkCalendar,
} from "./working-time.ts";

/** An instant written in Vietnam's local time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const cal = buildWorkCalendar([...ANNOUNCED_DAYS]);
const bare = buildWorkCalendar([]);

describe("the work calendar", () => {
  it("is off on weekends, holidays and overrides, and works on make-up Saturdays", () => {
    expect(cal.isWorkingDay("2026-02-13")).toBe(true);
    expect(cal.isWorkingDay("2026-02-14")).toBe(false);
    expect(cal.dayOffName("2026-02-14")).toBeNull(); // a plain Saturday
    expect(cal.dayOffName("2026-02-17")).toBe("calendar.holiday.tet");
    expect(cal.isWorkingDay("2026-02-23")).toBe(true);
    expect(cal.isWorkingDay("2026-01-10")).toBe(true); // Saturday worked for Friday 2/1
    expect(cal.dayOffName("2026-01-02")).toBe("calendar.holiday.swappedDayOff");
    expect(cal.isWorkingDay("2026-04-27")).toBe(false); // Giỗ Tổ on Sunday, made up on Monday
    const custom = buildWorkCalendar([
      { day: "2026-04-27", kind: "working", name: "Làm việc" },
      { day: "2026-03-03", kind: "off", name: "Bão số 3" },
    ]);
    expect(custom.isWorkingDay("2026-04-27")).toBe(true);
    expect(custom.dayOffName("2026-03-03")).toBe("Bão số 3");
  });

  it("knows the local day around midnight in Vietnam", () => {
    expect(toLocalDay(new Date("2026-02-13T16:59:59Z"))).toBe("2026-02-13");
    expect(toLocalDay(new Date("2026-02-13T17:00:00Z"))).toBe("2026-02-14");
  });

  it("refuses office hours that overlap or run backwards", () => {
    expect(() => buildWorkCalendar([], { sessions: [{ start: "08:00", end: "07:00" }] })).toThrow(RangeError);
    expect(() =>
      buildWorkCalendar([], {
        sessions: [
          { start: "07:00", end: "12:00" },
          { start: "11:00", end: "17:00" },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => buildWorkCalendar([], { sessions: [] })).toThrow(RangeError);
  });
});

describe("counting working time", () => {
  it("starts the clock now inside office hours, else at the next session; after the cut-off, the next working day", () => {
    expect(countingStart(bare, vn("2026-03-03T09:00"), "15:00")).toEqual(vn("2026-03-03T09:00"));
    expect(countingStart(bare, vn("2026-03-03T06:45"), null)).toEqual(vn("2026-03-03T07:30"));
    expect(countingStart(bare, vn("2026-03-03T12:10"), null)).toEqual(vn("2026-03-03T13:30"));
    expect(countingStart(bare, vn("2026-03-03T15:00"), "15:00")).toEqual(vn("2026-03-03T15:00"));
    expect(countingStart(bare, vn("2026-03-03T15:01"), "15:00")).toEqual(vn("2026-03-04T07:30"));
    expect(countingStart(bare, vn("2026-03-06T17:30"), null)).toEqual(vn("2026-03-09T07:30")); // Friday evening → Monday
    expect(countingStart(cal, vn("2026-02-15T10:00"), null)).toEqual(vn("2026-02-23T07:30")); // received during Tết
  });

  it("makes N working days from 09:00 due at 09:00 N working days later", () => {
    expect(computeDueAt(bare, { receivedAt: vn("2026-03-03T09:00"), duration: { unit: "days", amount: 3 }, cutOff: "15:00" })).toEqual(vn("2026-03-06T09:00"));
    expect(computeDueAt(bare, { receivedAt: vn("2026-03-05T09:00"), duration: { unit: "days", amount: 2 }, cutOff: null })).toEqual(vn("2026-03-09T09:00"));
    // Half a day from 13:30 ends at 17:30 that day, not at 07:30 the next morning.
    expect(addWorkingHours(bare, vn("2026-03-03T13:30"), 4)).toEqual(vn("2026-03-03T17:30"));
    expect(addWorkingHours(bare, vn("2026-03-03T10:30"), 1.5)).toEqual(vn("2026-03-03T14:00"));
    expect(computeDueAt(bare, { receivedAt: vn("2026-03-03T16:00"), duration: { unit: "hours", amount: 8 }, cutOff: "15:00" })).toEqual(vn("2026-03-04T17:30"));
    expect(durationHours({ unit: "days", amount: 5 })).toBe(40);
    expect(durationHours({ unit: "hours", amount: 4 })).toBe(4);
    expect(() => addWorkingHours(bare, vn("2026-03-03T09:00"), -1)).toThrow(RangeError);
  });

  it("closes the office day at the end of the last session of the office hours", () => {
    expect(closeOfOfficeDay(bare, "2026-03-03")).toEqual(vn("2026-03-03T17:30"));
    const short = buildWorkCalendar([], { sessions: [{ start: "08:00", end: "16:00" }] });
    expect(closeOfOfficeDay(short, "2026-03-03")).toEqual(vn("2026-03-03T16:00"));
    expect(() => closeOfOfficeDay(bare, "2026-02-30")).toThrow(RangeError);
  });

  it("counts hours between two instants, negative backwards", () => {
    expect(workingHoursBetween(bare, vn("2026-03-03T09:00"), vn("2026-03-04T09:00"))).toBe(8);
    expect(workingHoursBetween(bare, vn("2026-03-04T09:00"), vn("2026-03-03T09:00"))).toBe(-8);
    expect(workingHoursBetween(bare, vn("2026-03-06T17:00"), vn("2026-03-09T08:00"))).toBe(1);
    expect(workingHoursBetween(cal, vn("2026-02-13T07:30"), vn("2026-02-23T17:30"))).toBe(16);
  });

  it("steps working days over Tết 2026 and the make-up Saturday", () => {
    expect(addWorkingDays(cal, "2026-02-13", 1)).toBe("2026-02-23");
    expect(addWorkingDays(cal, "2026-02-23", -1)).toBe("2026-02-13");
    expect(addWorkingDays(cal, "2026-01-09", 1)).toBe("2026-01-10");
    expect(addWorkingDays(cal, "2026-01-09", 0)).toBe("2026-01-09");
  });
});

describe("clock stops across Tết", () => {
  // How callers pause and resume a deadline (supplement requests, pauses).
  const pause = (c: WorkCalendar, now: Date, dueAt: Date) => workingHoursBetween(c, now, dueAt);
  const resume = (c: WorkCalendar, resumeAt: Date, remaining: number) => addWorkingHours(c, countingStart(c, resumeAt, null), remaining);

  it("Tết 2026: 5 working days from Thursday 12/2 run past the 9-day break", () => {
    const receivedAt = vn("2026-02-12T09:00");
    const dueAt = computeDueAt(cal, { receivedAt, duration: { unit: "days", amount: 5 }, cutOff: "15:00" });
    // 12/2 (6.5 h) + 13/2 (8 h), then 23/2, 24/2, 25/2 (24 h) and 1.5 h on 26/2.
    expect(dueAt).toEqual(vn("2026-02-26T09:00"));
    // Paused at the close of Friday 13/2, resumed before office hours on Monday 23/2: the break was not
    // working time, so the due time does not move.
    const remaining = pause(cal, vn("2026-02-13T17:30"), dueAt);
    expect(remaining).toBe(25.5); // 24 h on 23/2–25/2, 1.5 h on 26/2
    expect(resume(cal, vn("2026-02-23T07:00"), remaining)).toEqual(dueAt);
    // Resumed at 10:00 on 24/2 instead: the 10.5 working hours in between are added back.
    const later = resume(cal, vn("2026-02-24T10:00"), remaining);
    expect(later).toEqual(vn("2026-02-27T11:30"));
    expect(workingHoursBetween(cal, vn("2026-02-12T09:00"), vn("2026-02-13T17:30")) + workingHoursBetween(cal, vn("2026-02-24T10:00"), later)).toBe(40);
  });

  it("Tết 2027 (computed: 5/2–11/2 off): a dossier paused across it loses no working time", () => {
    const receivedAt = vn("2027-02-04T09:00");
    const dueAt = computeDueAt(cal, { receivedAt, duration: { unit: "days", amount: 5 }, cutOff: "15:00" });
    // 4/2 (6.5 h), Friday 12/2 (8 h), 15/2–17/2 (24 h), 1.5 h on 18/2.
    expect(dueAt).toEqual(vn("2027-02-18T09:00"));
    const remaining = pause(cal, vn("2027-02-04T17:30"), dueAt);
    expect(remaining).toBe(33.5);
    expect(resume(cal, vn("2027-02-12T07:30"), remaining)).toEqual(dueAt);
  });
});

describe("properties", () => {
  // Instants from 2025 to 2028 (so Tết 2026 and 2027 are crossed), minute-precise; hours in quarter steps up to 15 days.
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000));
  const hours = fc.integer({ min: 0, max: 480 }).map((q) => q / 4);
  const minutesOfDay = (d: Date) => (((d.getTime() / 60_000 + 7 * 60) % 1440) + 1440) % 1440;
  const inSession = (d: Date) => {
    const m = minutesOfDay(d);
    return (m > 450 && m <= 690) || (m > 810 && m <= 1050);
  };

  it("addWorkingHours then workingHoursBetween gives the hours back", () => {
    fc.assert(
      fc.property(instant, hours, (start, h) => {
        expect(workingHoursBetween(cal, start, addWorkingHours(cal, start, h))).toBeCloseTo(h, 9);
      }),
    );
  });

  it("a positive duration always ends inside office hours on a working day", () => {
    fc.assert(
      fc.property(
        instant,
        hours.filter((h) => h > 0),
        (start, h) => {
          const end = addWorkingHours(cal, start, h);
          expect(inSession(end)).toBe(true);
          // A session end at 17:30 still belongs to that day.
          expect(cal.isWorkingDay(toLocalDay(end))).toBe(true);
        },
      ),
    );
  });

  it("counting starts inside office hours on a working day, never before receipt", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(null, "15:00"), (at, cutOff) => {
        const start = countingStart(cal, at, cutOff);
        expect(start.getTime()).toBeGreaterThanOrEqual(at.getTime());
        const m = minutesOfDay(start);
        expect((m >= 450 && m < 690) || (m >= 810 && m < 1050)).toBe(true);
        expect(cal.isWorkingDay(toLocalDay(start))).toBe(true);
      }),
    );
  });

  it("is monotonic in hours", () => {
    fc.assert(
      fc.property(instant, hours, hours, (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingHours(cal, start, lo).getTime()).toBeLessThanOrEqual(addWorkingHours(cal, start, hi).getTime());
      }),
    );
  });
});
