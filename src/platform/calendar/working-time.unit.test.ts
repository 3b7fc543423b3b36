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
  dayOfReceipt,
  durationHours,
  endOfSession,
  resumedDueAt,
  stepDueAt,
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

  it("ends N working days at the close of office of the N-th working day after the day of receipt", () => {
    // Day 1 is the day after receipt (Civil Code art. 147): Wed 4, Thu 5, Fri 6; the due time is the close of office.
    expect(computeDueAt(bare, { receivedAt: vn("2026-03-03T09:00"), duration: { unit: "days", amount: 3 }, cutOff: "15:00" })).toEqual(vn("2026-03-06T17:30"));
    // Over a weekend: Fri 6, Mon 9.
    expect(computeDueAt(bare, { receivedAt: vn("2026-03-05T09:00"), duration: { unit: "days", amount: 2 }, cutOff: null })).toEqual(vn("2026-03-09T17:30"));
    // Half a day from 13:30 ends at 17:30 that day, not at 07:30 the next morning.
    expect(addWorkingHours(bare, vn("2026-03-03T13:30"), 4)).toEqual(vn("2026-03-03T17:30"));
    expect(addWorkingHours(bare, vn("2026-03-03T10:30"), 1.5)).toEqual(vn("2026-03-03T14:00"));
    // Hour-counted procedures keep hour arithmetic: after the cut-off the hours run from the next morning.
    expect(computeDueAt(bare, { receivedAt: vn("2026-03-03T16:00"), duration: { unit: "hours", amount: 8 }, cutOff: "15:00" })).toEqual(vn("2026-03-04T17:30"));
    expect(computeDueAt(bare, { receivedAt: vn("2026-03-03T10:00"), duration: { unit: "hours", amount: 8 }, cutOff: "15:00" })).toEqual(vn("2026-03-04T10:00"));
    expect(durationHours({ unit: "days", amount: 5 })).toBe(40);
    expect(durationHours({ unit: "hours", amount: 4 })).toBe(4);
    expect(durationHours({ unit: "sameDay", amount: 1 })).toBe(8);
    expect(() => addWorkingHours(bare, vn("2026-03-03T09:00"), -1)).toThrow(RangeError);
  });

  it("Tết 2026: received Thu 12/02 10:00 with 5 working days is due at the close of office on Thu 26/02", () => {
    // Day 1 Fri 13/2, then the break (14–22/2), then 23, 24, 25 and day 5 on 26/2.
    expect(computeDueAt(cal, { receivedAt: vn("2026-02-12T10:00"), duration: { unit: "days", amount: 5 }, cutOff: "15:00" })).toEqual(vn("2026-02-26T17:30"));
    // After the cut-off on Friday 13/2 the day of receipt is Monday 23/2: day 1 is 24/2, day 5 is Monday 2/3.
    expect(dayOfReceipt(cal, vn("2026-02-13T15:30"), "15:00")).toBe("2026-02-23");
    expect(computeDueAt(cal, { receivedAt: vn("2026-02-13T15:30"), duration: { unit: "days", amount: 5 }, cutOff: "15:00" })).toEqual(vn("2026-03-02T17:30"));
  });

  it("moves the day of receipt after the cut-off, never counts the day of receipt, and starts a weekend receipt on Monday", () => {
    const days = (at: string, amount: number, cutOff: string | null) => computeDueAt(bare, { receivedAt: vn(at), duration: { unit: "days", amount }, cutOff });
    // Tue 15:30 after a 15:00 cut-off counts as received Wednesday: Thu 5, Fri 6, Mon 9.
    expect(days("2026-03-03T15:30", 3, "15:00")).toEqual(vn("2026-03-09T17:30"));
    // Without a cut-off the same receipt counts from Tuesday.
    expect(days("2026-03-03T15:30", 3, null)).toEqual(vn("2026-03-06T17:30"));
    // 07:00, before opening, is still the day of receipt: day 1 is Wednesday, not Tuesday.
    expect(days("2026-03-03T07:00", 1, "15:00")).toEqual(vn("2026-03-04T17:30"));
    // Saturday 7/3 (a day off, so no cut-off applies): day 1 is Monday 9, day 2 Tuesday 10, whatever the hour.
    expect(days("2026-03-07T10:00", 2, "15:00")).toEqual(vn("2026-03-10T17:30"));
    expect(days("2026-03-07T16:00", 2, "15:00")).toEqual(vn("2026-03-10T17:30"));
    // Friday after the cut-off counts as received Monday: day 1 is Tuesday.
    expect(days("2026-03-06T16:00", 1, "15:00")).toEqual(vn("2026-03-10T17:30"));
    // A day and a half: Wednesday whole, Thursday's morning session.
    expect(days("2026-03-03T09:00", 1.5, null)).toEqual(vn("2026-03-05T11:30"));
  });

  it("gives a same-day result by the close of office, or the next working day after the cut-off", () => {
    const sameDay = (c: WorkCalendar, at: string, cutOff: string | null = "15:00") =>
      computeDueAt(c, { receivedAt: vn(at), duration: { unit: "sameDay", amount: 1 }, cutOff });
    expect(sameDay(bare, "2026-03-03T14:59")).toEqual(vn("2026-03-03T17:30"));
    expect(sameDay(bare, "2026-03-03T15:00")).toEqual(vn("2026-03-03T17:30"));
    expect(sameDay(bare, "2026-03-03T15:01")).toEqual(vn("2026-03-04T17:30"));
    // Before opening on a working day the whole day is still ahead.
    expect(sameDay(bare, "2026-03-03T07:00")).toEqual(vn("2026-03-03T17:30"));
    // Friday after the cut-off, and a Saturday: Monday.
    expect(sameDay(bare, "2026-03-06T16:00")).toEqual(vn("2026-03-09T17:30"));
    expect(sameDay(bare, "2026-03-07T09:00")).toEqual(vn("2026-03-09T17:30"));
    // No cut-off: until the close of office.
    expect(sameDay(bare, "2026-03-03T17:00", null)).toEqual(vn("2026-03-03T17:30"));
    expect(sameDay(bare, "2026-03-03T17:30", null)).toEqual(vn("2026-03-04T17:30"));
    // Friday 13/2/2026 after 15:00: the next working day is after Tết.
    expect(sameDay(cal, "2026-02-13T15:30")).toEqual(vn("2026-02-23T17:30"));
  });

  it("ends internal steps on half-day boundaries", () => {
    expect(endOfSession(bare, vn("2026-03-03T10:00"))).toEqual(vn("2026-03-03T11:30"));
    expect(endOfSession(bare, vn("2026-03-03T11:30"))).toEqual(vn("2026-03-03T11:30"));
    expect(endOfSession(bare, vn("2026-03-03T12:00"))).toEqual(vn("2026-03-03T17:30"));
    expect(endOfSession(bare, vn("2026-03-06T17:45"))).toEqual(vn("2026-03-09T11:30"));
    // 2.4 h from 09:00 would be 11:24; 3.2 h from 10:00 would be 15:12: both round to the end of their session.
    expect(stepDueAt(bare, vn("2026-03-03T09:00"), 2.4, null)).toEqual(vn("2026-03-03T11:30"));
    expect(stepDueAt(bare, vn("2026-03-03T10:00"), 3.2, null)).toEqual(vn("2026-03-03T17:30"));
    // Never past the dossier's own deadline while that is ahead; a late dossier's step still gets its time.
    expect(stepDueAt(bare, vn("2026-03-03T16:00"), 4, vn("2026-03-03T17:30"))).toEqual(vn("2026-03-03T17:30"));
    expect(stepDueAt(bare, vn("2026-03-03T16:00"), 4, vn("2026-03-02T17:30"))).toEqual(vn("2026-03-04T11:30"));
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
  const resume = (c: WorkCalendar, dueAt: Date, stoppedAt: Date, resumedAt: Date) =>
    resumedDueAt(c, { dueAt, stoppedAt, resumedAt, remainingHours: pause(c, stoppedAt, dueAt), unit: "days" });

  it("Tết 2026: 5 working days from Thursday 12/2 run past the 9-day break", () => {
    const dueAt = computeDueAt(cal, { receivedAt: vn("2026-02-12T09:00"), duration: { unit: "days", amount: 5 }, cutOff: "15:00" });
    expect(dueAt).toEqual(vn("2026-02-26T17:30"));
    // Paused at the close of Friday 13/2: 23/2–26/2 are left (32 h). Resumed before office hours on Monday 23/2:
    // the break was not working time, so the due time does not move.
    expect(pause(cal, vn("2026-02-13T17:30"), dueAt)).toBe(32);
    expect(resume(cal, dueAt, vn("2026-02-13T17:30"), vn("2026-02-23T07:00"))).toEqual(dueAt);
    // Resumed at 10:00 on 24/2 instead: 5.5 h that day, 25, 26, 27/2 (24 h), 2.5 h on Monday 2/3 → 10:00, and a
    // days-counted procedure ends at the end of that session.
    expect(resume(cal, dueAt, vn("2026-02-13T17:30"), vn("2026-02-24T10:00"))).toEqual(vn("2026-03-02T11:30"));
  });

  it("Tết 2027 (computed: 5/2–11/2 off): a dossier paused across it loses no working time", () => {
    const dueAt = computeDueAt(cal, { receivedAt: vn("2027-02-04T09:00"), duration: { unit: "days", amount: 5 }, cutOff: "15:00" });
    // Day 1 is Friday 12/2, then 15/2–17/2, day 5 on 18/2.
    expect(dueAt).toEqual(vn("2027-02-18T17:30"));
    expect(pause(cal, vn("2027-02-04T17:30"), dueAt)).toBe(40);
    expect(resume(cal, dueAt, vn("2027-02-04T17:30"), vn("2027-02-12T07:30"))).toEqual(dueAt);
  });

  it("never gives back time already overrun: a late dossier keeps its deadline", () => {
    const dueAt = vn("2026-03-03T17:30");
    // Stopped 2.5 working hours late, resumed days later: still due on 3/3, so still late.
    expect(pause(bare, vn("2026-03-04T10:00"), dueAt)).toBe(-2.5);
    expect(resume(bare, dueAt, vn("2026-03-04T10:00"), vn("2026-03-06T09:00"))).toEqual(dueAt);
    // Due Friday 17:30, stopped on Saturday: no office hour overrun, but late all the same.
    expect(resume(bare, vn("2026-03-06T17:30"), vn("2026-03-07T10:00"), vn("2026-03-09T09:00"))).toEqual(vn("2026-03-06T17:30"));
    // Hour-counted procedures resume to the exact hour: 3 h from 09:00 is 14:00 (lunch excluded).
    const hours = { dueAt: vn("2026-03-03T12:00"), stoppedAt: vn("2026-03-02T17:30"), resumedAt: vn("2026-03-03T09:00"), remainingHours: 3 };
    expect(resumedDueAt(bare, { ...hours, unit: "hours" })).toEqual(vn("2026-03-03T14:00"));
    expect(resumedDueAt(bare, { ...hours, unit: "days" })).toEqual(vn("2026-03-03T17:30"));
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

  it("a period in days ends at a close of office on a working day after the day of receipt", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), fc.constantFrom(null, "15:00"), (at, n, cutOff) => {
        const due = computeDueAt(cal, { receivedAt: at, duration: { unit: "days", amount: n }, cutOff });
        expect(minutesOfDay(due)).toBe(1050);
        expect(cal.isWorkingDay(toLocalDay(due))).toBe(true);
        expect(toLocalDay(due) > toLocalDay(at)).toBe(true);
        expect(workingHoursBetween(cal, at, due)).toBeGreaterThanOrEqual(n * 8);
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
