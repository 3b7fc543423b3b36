// The office page of the working calendar: a year's days off and make-up days; administrators edit them here.
import type { Context, Hono } from "hono";
import type { WebContext } from "../../platform/http/web-context.ts";
import { useCaseContext as ctxOf } from "../../platform/auth/use-case-context.ts";
import { dayNumber, isWeekend, weekday } from "../../platform/calendar/holidays.ts";
import { toLocalDay } from "../../platform/calendar/working-time.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { attempt, readForm, validateForm } from "../../platform/http/forms.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { MessageKey } from "../../platform/i18n/i18n.ts";
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import {
  Breadcrumbs,
  Button,
  emptyForm,
  ErrorSummary,
  type FormState,
  PostButton,
  SelectField,
  SummaryList,
  Tag,
  TextField,
  CsrfField,
} from "../../platform/views/components.tsx";
import { Layout } from "../../platform/views/layout.tsx";
import { pageContext } from "../../platform/views/page-context.ts";
import { setFlash, takeFlash } from "../../platform/http/flash.ts";
import { CalendarYearParam, DAY_KINDS, dayLabel, SetCalendarDayForm } from "./calendar.contract.ts";
import { canManageCalendar } from "./use-cases/calendar-access.ts";
import { viewOfficeCalendar } from "./use-cases/list-calendar-year.ts";
import { removeCalendarDay, setCalendarDay } from "./use-cases/set-calendar-day.ts";

const dayAsDate = (day: string) => new Date((dayNumber(day) ?? 0) * 86_400_000);

export function registerCalendarPages(app: Hono<AppEnv>, web: WebContext) {
  const { deps } = web;
  const secure = deps.config.cookieSecure;
  const thisYear = () => Number(toLocalDay(deps.clock.now()).slice(0, 4));

  const calendarPage = async (c: Context<AppEnv>, year: number, form: FormState | null = null, status: 200 | 400 = 200) => {
    const ctx = pageContext(c, web.assets, takeFlash(c, secure));
    const { t, locale } = ctx;
    const view = await viewOfficeCalendar(deps, ctxOf(c), year);
    const manage = canManageCalendar(c.var.principal);
    const f = form ?? emptyForm({ kind: "off" });
    const labels = { day: t("calendar.field.day"), kind: t("calendar.field.kind"), name: t("calendar.field.name") };
    const offOnWeekdays = view.days.filter((d) => d.kind === "off" && !isWeekend(d.day)).length;
    const makeUp = view.days.filter((d) => d.kind === "working").length;
    return c.html(
      <Layout ctx={ctx} title={t("calendar.titleYear", { year })} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("calendar.title") }]} />
        <ErrorSummary t={t} errors={f.errors} labels={labels} />
        <h1>{t("calendar.titleYear", { year })}</h1>
        <p>{t("calendar.intro")}</p>
        <nav aria-label={t("calendar.yearNav")}>
          <ul class="pagination">
            <li>
              <a href={`/office/calendar?year=${year - 1}`} rel="prev">
                « {t("calendar.previousYear", { year: year - 1 })}
              </a>
            </li>
            <li>
              <a href={`/office/calendar?year=${year + 1}`} rel="next">
                {t("calendar.nextYear", { year: year + 1 })} »
              </a>
            </li>
          </ul>
        </nav>
        <SummaryList
          rows={[
            [t("calendar.summary.workingDays"), formatNumber(view.workingDays, locale)],
            [t("calendar.summary.weekendDays"), formatNumber(view.weekendDays, locale)],
            [t("calendar.summary.daysOff"), formatNumber(offOnWeekdays, locale)],
            [t("calendar.summary.makeUpDays"), formatNumber(makeUp, locale)],
          ]}
        />
        {view.days.length === 0 ? (
          <p>{t("calendar.none")}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>{t("calendar.daysCaption", { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("calendar.col.day")}</th>
                  <th scope="col">{t("calendar.col.weekday")}</th>
                  <th scope="col">{t("calendar.col.kind")}</th>
                  <th scope="col">{t("calendar.col.name")}</th>
                  <th scope="col">{t("calendar.col.source")}</th>
                  {manage && <th scope="col">{t("calendar.col.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {view.days.map((d) => (
                  <tr>
                    <td>
                      <time datetime={d.day}>{formatDate(dayAsDate(d.day), locale)}</time>
                    </td>
                    <td>{t(`calendar.weekday.${weekday(d.day)}` as MessageKey)}</td>
                    <td>{d.kind === "off" ? <Tag tone="grey">{t("calendar.kind.off")}</Tag> : <Tag tone="green">{t("calendar.kind.working")}</Tag>}</td>
                    <td>{dayLabel(t, d.name)}</td>
                    <td>{t(`calendar.source.${d.source}`)}</td>
                    {manage && (
                      <td>
                        {d.source === "override" && (
                          <PostButton
                            action={`/office/calendar/days/${d.day}/remove`}
                            csrfToken={ctx.csrfToken}
                            label={t("calendar.remove")}
                            rowLabel={t("calendar.removeRow", { day: formatDate(dayAsDate(d.day), locale) })}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {manage && (
          <>
            <h2 id="set-day">{t("calendar.setDay")}</h2>
            <p>{t("calendar.setDayHint")}</p>
            <form method="post" action="/office/calendar/days" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField t={t} form={f} name="day" label={labels.day} hint={t("calendar.field.dayHint")} autocomplete="off" required />
              <SelectField t={t} form={f} name="kind" label={labels.kind} options={DAY_KINDS.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))} />
              <TextField t={t} form={f} name="name" label={labels.name} hint={t("calendar.field.nameHint")} autocomplete="off" required />
              <Button>{t("calendar.save")}</Button>
            </form>
          </>
        )}
      </Layout>,
      status,
    );
  };

  app.get("/office/calendar", async (c) => {
    const raw = c.req.query("year");
    if (raw === undefined) return calendarPage(c, thisYear());
    const parsed = validateForm(CalendarYearParam, { year: raw });
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    return calendarPage(c, parsed.data.year);
  });

  app.post("/office/calendar/days", async (c) => {
    const values = await readForm(c);
    // The page shown again with errors stays on the year being edited, if the date says which.
    const typed = CalendarYearParam.safeParse({ year: /^(\d{4})-/.exec(values.day ?? "")?.[1] });
    const shownYear = typed.success ? typed.data.year : thisYear();
    const parsed = validateForm(SetCalendarDayForm, values);
    if (!parsed.ok) return calendarPage(c, shownYear, { values, errors: parsed.errors }, 400);
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
