// The one contract for the working calendar: validates form posts and API bodies, and generates OpenAPI.
import { z } from "@hono/zod-openapi";
import { isDay } from "../../platform/calendar/holidays.ts";
import { isMessageKey, type Translate } from "../../platform/i18n/i18n.ts";

export const DAY_KINDS = ["off", "working"] as const;
export type DayKind = (typeof DAY_KINDS)[number];
export const DAY_SOURCES = ["computed", "announced", "override"] as const;
export type DaySource = (typeof DAY_SOURCES)[number];

/** A stored exception (read model): what an administrator set for one day, and who did. */
export type CalendarDayRow = { day: string; kind: DayKind; name: string; updatedBy: string | null; updatedAt: Date };

/** A real calendar date, 'YYYY-MM-DD' (2026-02-30 is refused). */
export const CalendarDate = z
  .string()
  .refine(isDay, { params: { messageKey: "calendar.badDay" } })
  .openapi({ description: "A date as YYYY-MM-DD", format: "date", example: "2026-02-16" });

export const CalendarYearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2199)
    .openapi({ param: { name: "year", in: "path" }, example: 2026 }),
});
export const CalendarDayParam = z.object({ day: CalendarDate.openapi({ param: { name: "day", in: "path" } }) });

const dayName = z.string().trim().min(1).max(200);
export const SetCalendarDayInput = z
  .strictObject({ kind: z.enum(DAY_KINDS), name: dayName.openapi({ example: "Nghỉ Tết Nguyên đán" }) })
  .openapi("SetCalendarDayInput");
/** The office form carries the day in the body rather than in the path. */
export const SetCalendarDayForm = z.strictObject({ day: CalendarDate, kind: z.enum(DAY_KINDS), name: dayName });

export const CalendarDayEntry = z
  .object({
    day: z.string().openapi({ example: "2026-02-17" }),
    kind: z.enum(DAY_KINDS),
    name: z.string().openapi({ description: "A catalogue key (calendar.holiday.*) or the text an administrator typed", example: "calendar.holiday.tet" }),
    label: z.string().openapi({ description: "The name in the request's language", example: "Tết Nguyên đán" }),
    source: z.enum(DAY_SOURCES).openapi({ description: "computed: the Labour Code's rules; announced: shipped government decisions; override: set here" }),
  })
  .openapi("CalendarDayEntry");

export const CalendarYear = z
  .object({
    year: z.number().int(),
    workingDays: z.number().int().openapi({ description: "Working days in the year after every rule and override" }),
    weekendDays: z.number().int().openapi({ description: "Saturdays and Sundays in the year" }),
    days: z.array(CalendarDayEntry).openapi({ description: "Every day that differs from the plain week (holidays, days off, make-up days), by date" }),
  })
  .openapi("CalendarYear");

/** A day's name for people: catalogue keys (computed and shipped days) are translated, typed names shown as typed. */
export const dayLabel = (t: Translate, name: string) => (isMessageKey(name) ? t(name) : name);
