// The office page of the working calendar: a year's days off and make-up days, and the form administrators
// set a day with (shown again with its errors after a refused post).
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { dayNumber, isWeekend, weekday } from "../../../platform/calendar/holidays.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import {
  Breadcrumbs,
  Button,
  CsrfField,
  emptyForm,
  ErrorSummary,
  type FormState,
  PostButton,
  SelectField,
  SummaryList,
  Tag,
  Field,
  TextField,
} from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { DAY_KINDS, dayLabel } from "../calendar.contract.ts";
import { canManageCalendar } from "../use-cases/calendar-access.ts";
import { type CalendarEntry, viewOfficeCalendar } from "../use-cases/list-calendar-year.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";

const dayAsDate = (day: string) => new Date((dayNumber(day) ?? 0) * 86_400_000);

export type CalendarPage = (c: Context<AppEnv>, year: number, form?: FormState | null, status?: 200 | 400) => Promise<Response>;

export function calendarPage(web: WebContext): CalendarPage {
  const { deps, page } = pageKit(web);
  return async (c: Context<AppEnv>, year: number, form: FormState | null = null, status: 200 | 400 = 200) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const view = await viewOfficeCalendar(deps, ctxOf(c), year);
    const manage = canManageCalendar(c.get("principal"));
    const f = form ?? emptyForm({ kind: "off" });
    const labels = { day: t("calendar.field.day"), kind: t("calendar.field.kind"), name: t("calendar.field.name") };
    const offOnWeekdays = view.days.filter((d) => d.kind === "off" && !isWeekend(d.day)).length;
    const makeUp = view.days.filter((d) => d.kind === "working").length;
    const actionsColumn: Column<CalendarEntry> = {
      header: t("calendar.col.actions"),
      cell: (d) =>
        d.source === "override" && (
          <PostButton
            action={`/office/calendar/days/${d.day}/remove`}
            csrfToken={ctx.csrfToken}
            label={t("calendar.remove")}
            rowLabel={t("calendar.removeRow", { day: formatDate(dayAsDate(d.day), locale) })}
          />
        ),
    };
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
        <DataTable
          caption={t("calendar.daysCaption", { year })}
          showCaption
          rows={view.days}
          empty={<p>{t("calendar.none")}</p>}
          columns={[
            { header: t("calendar.col.day"), nowrap: true, cell: (d) => <time datetime={d.day}>{formatDate(dayAsDate(d.day), locale)}</time> },
            { header: t("calendar.col.weekday"), cell: (d) => t(`calendar.weekday.${weekday(d.day)}` as MessageKey) },
            {
              header: t("calendar.col.kind"),
              cell: (d) => (d.kind === "off" ? <Tag tone="grey">{t("calendar.kind.off")}</Tag> : <Tag tone="green">{t("calendar.kind.working")}</Tag>),
            },
            { header: t("calendar.col.name"), cell: (d) => dayLabel(t, d.name) },
            { header: t("calendar.col.source"), cell: (d) => t(`calendar.source.${d.source}`) },
            ...(manage ? [actionsColumn] : []),
          ]}
        />
        {manage && (
          <>
            <h2 id="set-day">{t("calendar.setDay")}</h2>
            <p>{t("calendar.setDayHint")}</p>
            <form method="post" action="/office/calendar/days" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <Field t={t} form={f} name="day" kind="date" label={labels.day} hint={t("calendar.field.dayHint")} autocomplete="off" required />
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
}
