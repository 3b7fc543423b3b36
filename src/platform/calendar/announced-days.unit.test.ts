import { expect, it } from "vitest";
import { coreVi as vi } from "../i18n/catalogue.vi.ts";
import { ANNOUNCED_DAYS } from "./announced-days.ts";
import { isDay, isWeekend } from "./holidays.ts";
import { buildWorkCalendar } from "./working-time.ts";

it("ships announced days that are real, unique, named with catalogue keys, and change something", () => {
  const days = ANNOUNCED_DAYS.map((o) => o.day);
  expect(new Set(days).size).toBe(days.length);
  for (const o of ANNOUNCED_DAYS) {
    expect(isDay(o.day), o.day).toBe(true);
    expect(Object.hasOwn(vi, o.name), o.name).toBe(true);
    // A make-up day is a Saturday or Sunday; a day off is a weekday (a weekend needs no announcement).
    expect(isWeekend(o.day), o.day).toBe(o.kind === "working");
  }
});

it("gives the announced 2026 breaks: 1/1–4/1, 14/2–22/2 and 29/8–2/9, with make-up Saturdays 10/1 and 22/8", () => {
  const cal = buildWorkCalendar([...ANNOUNCED_DAYS]);
  const offRun = (from: string, to: string) => {
    const out: string[] = [];
    for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
    return out.every((day) => !cal.isWorkingDay(day));
  };
  expect(offRun("2026-01-01", "2026-01-04") && cal.isWorkingDay("2025-12-31") && cal.isWorkingDay("2026-01-05")).toBe(true);
  expect(offRun("2026-02-14", "2026-02-22") && cal.isWorkingDay("2026-02-13") && cal.isWorkingDay("2026-02-23")).toBe(true);
  expect(offRun("2026-08-29", "2026-09-02") && cal.isWorkingDay("2026-08-28") && cal.isWorkingDay("2026-09-03")).toBe(true);
  expect(cal.isWorkingDay("2026-01-10") && cal.isWorkingDay("2026-08-22")).toBe(true);
});
