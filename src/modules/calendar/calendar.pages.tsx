// The working calendar in the office face: a year's days off and make-up days; administrators edit them here.
// The page lives in pages/; this file only wires the routes.
import type { Hono } from "hono";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { toLocalDay } from "../../platform/calendar/working-time.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { setFlash } from "../../platform/http/flash.ts";
import { attempt, readForm, validateForm } from "../../platform/http/forms.ts";
import { readDayFields, withDayErrors } from "../../platform/text/day-input.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { WebContext } from "../../platform/http/web-context.ts";
import { CalendarYearParam, SetCalendarDayForm } from "./calendar.contract.ts";
import { calendarPage as page } from "./pages/calendar-page.tsx";
import { removeCalendarDay } from "./use-cases/remove-calendar-day.ts";
import { setCalendarDay } from "./use-cases/set-calendar-day.ts";

export function registerCalendarPages(app: Hono<AppEnv>, web: WebContext) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const thisYear = () => Number(toLocalDay(deps.clock.now()).slice(0, 4));
  const calendarPage = page(web);

  app.get("/office/calendar", async (c) => {
    const raw = c.req.query("year");
    if (raw === undefined) return calendarPage(c, thisYear());
    const parsed = validateForm(CalendarYearParam, { year: raw });
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    return calendarPage(c, parsed.data.year);
  });

  app.post("/office/calendar/days", async (c) => {
    const values = await readForm(c);
    // Typed as dd/mm/yyyy; the use case and the API take YYYY-MM-DD.
    const dated = readDayFields(values, ["day"]);
    // The page shown again with errors stays on the year being edited, if the date says which.
    const typed = CalendarYearParam.safeParse({ year: /^(\d{4})-/.exec(dated.values.day ?? "")?.[1] });
    const shownYear = typed.success ? typed.data.year : thisYear();
    const parsed = validateForm(SetCalendarDayForm, dated.values);
    if (!parsed.ok) return calendarPage(c, shownYear, { values, errors: withDayErrors(parsed.errors, dated.errors) }, 400);
    const { day, ...input } = parsed.data;
    const res = await attempt(() => setCalendarDay(deps, ctxOf(c), day, input));
    if (!res.ok) return calendarPage(c, shownYear, { values, errors: res.errors }, 400);
    setFlash(c, "calendar.flash.daySaved", secure);
    return c.redirect(`/office/calendar?year=${day.slice(0, 4)}`, 303);
  });

  app.post("/office/calendar/days/:day/remove", async (c) => {
    const day = c.req.param("day");
    await removeCalendarDay(deps, ctxOf(c), day);
    setFlash(c, "calendar.flash.dayRemoved", secure);
    return c.redirect(`/office/calendar?year=${day.slice(0, 4)}`, 303);
  });
}
