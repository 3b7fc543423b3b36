import { describe, expect, it } from "vitest";
import { coreVi as vi } from "../i18n/catalogue.vi.ts";
import { dayNumber, HOLIDAY_NAMES, holidaysOfYear, nationalDayCompanion, statutoryHolidays, tetDays, weekday } from "./holidays.ts";

const pairs = (year: number) => holidaysOfYear(year).map((h) => `${h.date.slice(5)} ${h.name.replace("calendar.holiday.", "")}`);

describe("public holidays (Labour Code 2019, Art. 111–112)", () => {
  it("lists the 11 statutory days of 2026, with Tết on the last day of Ất Tỵ and the first four of Bính Ngọ", () => {
    expect(statutoryHolidays(2026)).toHaveLength(11);
    expect(tetDays(2026)).toEqual(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);
    // Giỗ Tổ falls on Sunday 26/4/2026: Monday 27/4 is made up.
    expect(pairs(2026)).toEqual([
      "01-01 newYear",
      "02-16 tet",
      "02-17 tet",
      "02-18 tet",
      "02-19 tet",
      "02-20 tet",
      "04-26 hungKings",
      "04-27 compensatory",
      "04-30 reunification",
      "05-01 labourDay",
      "09-01 nationalDay",
      "09-02 nationalDay",
    ]);
  });

  it("makes up weekend holidays on the next free weekday, as in 2022 and 2023", () => {
    // 2022: 1/1 Saturday → 3/1; Giỗ Tổ Sunday 10/4 → 11/4; 30/4 and 1/5 on the weekend → 2/5 and 3/5 (as announced).
    expect(pairs(2022)).toEqual(expect.arrayContaining(["01-03 compensatory", "04-11 compensatory", "05-02 compensatory", "05-03 compensatory"]));
    // 2023: 2/9 Saturday → 1/9 joins it and 4/9 is made up (announced: 1/9–4/9).
    expect(pairs(2023)).toEqual(expect.arrayContaining(["09-01 nationalDay", "09-02 nationalDay", "09-04 compensatory"]));
    // 2027: Tết (6/2) on a Saturday: the default break is 5/2–9/2 with 10/2 and 11/2 made up.
    expect(pairs(2027).filter((p) => p.startsWith("02-"))).toEqual([
      "02-05 tet",
      "02-06 tet",
      "02-07 tet",
      "02-08 tet",
      "02-09 tet",
      "02-10 compensatory",
      "02-11 compensatory",
    ]);
  });

  it("picks the day next to 2/9 as the decisions of 2021–2026 did", () => {
    expect([2021, 2022, 2023, 2024, 2025, 2026].map(nationalDayCompanion)).toEqual([
      "2021-09-03",
      "2022-09-01",
      "2023-09-01",
      "2024-09-03",
      "2025-09-01",
      "2026-09-01",
    ]);
  });

  it("names every holiday with a catalogue key", () => {
    for (const name of HOLIDAY_NAMES) expect(Object.hasOwn(vi, name), name).toBe(true);
  });

  it("parses only real dates and knows the weekday", () => {
    expect(dayNumber("2026-02-30")).toBeNull();
    expect(dayNumber("2026-2-3")).toBeNull();
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(weekday("2026-02-14")).toBe(6);
    expect(weekday("1969-12-28")).toBe(0);
  });
});
