// /api/v1/calendar: the year's days off (public) and their management. Handlers are thin.
// Use cases are imported from their files, not index.ts, because index.ts re-exports this file.
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Deps } from "../../deps.ts";
import { useCaseContext } from "../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import { json, problems } from "../../platform/http/openapi-shared.ts";
import type { Translate } from "../../platform/i18n/i18n.ts";
import { CalendarDayEntry, CalendarDayParam, CalendarYear, CalendarYearParam, dayLabel, SetCalendarDayInput } from "./calendar.contract.ts";
import { type CalendarYearView, listCalendarYear } from "./use-cases/list-calendar-year.ts";
import { removeCalendarDay } from "./use-cases/remove-calendar-day.ts";
import { setCalendarDay } from "./use-cases/set-calendar-day.ts";

const present = (t: Translate, v: CalendarYearView): z.infer<typeof CalendarYear> => ({
  year: v.year,
  workingDays: v.workingDays,
  weekendDays: v.weekendDays,
  days: v.days.map((d) => ({ ...d, label: dayLabel(t, d.name) })),
});
const tags = ["Calendar"];

export function mountCalendarApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/calendar/{year}",
      tags,
      summary: "A year's holidays, days off and make-up working days",
      request: { params: CalendarYearParam },
      responses: { 200: json(CalendarYear, "The year"), 400: problems[400] },
    }),
    async (c) => c.json(present(c.get("t"), await listCalendarYear(deps, c.req.valid("param").year)), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/calendar/days/{day}",
      tags,
      summary: "Set a day off or a make-up working day",
      security: [{ bearerAuth: [] }],
      request: { params: CalendarDayParam, body: { required: true, content: { "application/json": { schema: SetCalendarDayInput } } } },
      responses: { 200: json(CalendarDayEntry, "The stored day"), 400: problems[400], 401: problems[401], 403: problems[403], 415: problems[415] },
    }),
    async (c) => {
      const row = await setCalendarDay(deps, useCaseContext(c), c.req.valid("param").day, c.req.valid("json"));
      return c.json({ day: row.day, kind: row.kind, name: row.name, label: dayLabel(c.get("t"), row.name), source: "override" as const }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/calendar/days/{day}",
      tags,
      summary: "Remove a stored day; the computed or announced calendar applies again",
      security: [{ bearerAuth: [] }],
      request: { params: CalendarDayParam },
      responses: { 204: { description: "Removed" }, 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
    }),
    async (c) => {
      await removeCalendarDay(deps, useCaseContext(c), c.req.valid("param").day);
      return c.body(null, 204);
    },
  );
}
