/** The working-day calendar: holidays, the government's yearly days off and make-up days, and the deadline clock. */
export * from "./calendar.contract.ts";
export { listCalendarYear, viewOfficeCalendar, type CalendarEntry, type CalendarYearView } from "./use-cases/list-calendar-year.ts";
export { setCalendarDay } from "./use-cases/set-calendar-day.ts";
export { removeCalendarDay } from "./use-cases/remove-calendar-day.ts";
export { loadWorkCalendar, invalidateWorkCalendar, mergeOverrides } from "./use-cases/load-work-calendar.ts";
export { canManageCalendar } from "./use-cases/calendar-access.ts";
