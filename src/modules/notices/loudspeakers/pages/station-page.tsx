// GET /office/stations/:id: a station's week as a timetable (one row per weekday: usable at 360 px, no JavaScript),
// its slots with their audio, this week's plays against the scheduled ones, its settings and key.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../../platform/i18n/i18n.ts";
import { dayInputValue } from "../../../../platform/text/day-input.ts";
import { Breadcrumbs, Button, CsrfField, Field, PostButton, emptyForm } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { stationPlayLog } from "../../use-cases/loudspeakers-plays-list.ts";
import { getStation } from "../../use-cases/loudspeakers-station-get.ts";
import { rotateStationKey } from "../../use-cases/loudspeakers-station-rotate.ts";
import { changeStation } from "../../use-cases/loudspeakers-station-update.ts";
import { formatClock, WEEKDAYS } from "../broadcast-week.ts";
import { renderKey } from "./stations-page.tsx";

export const dayKey = (d: number) => `notices.loudspeakers.day.${d}` as MessageKey;

export function stationPage(kit: PageKit) {
  const { deps, page, secure } = kit;
  return {
    get: async (c: Context<AppEnv>) => {
      const p = requireSignedIn(c);
      const ctx = page(c);
      const { t, locale } = ctx;
      const id = c.req.param("id") ?? "";
      const [view, log] = await Promise.all([getStation(deps, p, id), stationPlayLog(deps, p, id)]);
      const { station, slots } = view;
      const slotsOf = (d: number) => slots.filter((s) => s.weekdays.includes(d));
      const valid = (from: string, until: string | null) =>
        until
          ? t("notices.loudspeakers.validRange", { from: dayInputValue(from), until: dayInputValue(until) })
          : t("notices.loudspeakers.validFromOnly", { from: dayInputValue(from) });
      return c.html(
        <Layout ctx={ctx} title={station.name} office>
          <Breadcrumbs
            t={t}
            items={[
              { href: "/office", label: t("nav.office") },
              { href: noticePaths.stations, label: t("notices.loudspeakers.title") },
              { label: station.name },
            ]}
          />
          <h1>{station.name}</h1>
          <p>
            {station.villageName} · {t("notices.loudspeakers.playsWeek", { played: log.playedThisWeek, scheduled: log.scheduledThisWeek })}
          </p>
          <p>
            <a class="button" href={noticePaths.stationSlotNew(station.id)}>
              {t("notices.loudspeakers.addSlot")}
            </a>{" "}
            <a href={noticePaths.stationPlaylist(station.id)}>{t("notices.loudspeakers.playlist")}</a> ·{" "}
            <a href={noticePaths.stationPlays(station.id)}>{t("notices.loudspeakers.playLog")}</a>
          </p>
          <h2 id="week">{t("notices.loudspeakers.week")}</h2>
          <DataTable
            caption={t("notices.loudspeakers.week")}
            stack
            rows={[...WEEKDAYS]}
            columns={[
              { header: t("notices.loudspeakers.col.days"), rowHeader: true, nowrap: true, cell: (d) => t(dayKey(d)) },
              {
                header: t("notices.loudspeakers.col.notice"),
                cell: (d) =>
                  slotsOf(d).length === 0 ? (
                    "—"
                  ) : (
                    <ul class="timetable">
                      {slotsOf(d).map((s) => (
                        <li>
                          <strong>
                            {formatClock(s.startMinute)}–{formatClock(s.startMinute + s.durationMinutes)}
                          </strong>{" "}
                          <a href={noticePaths.stationSlot(station.id, s.id)}>{s.noticeTitle}</a>
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
          <DataTable
            caption={t("notices.loudspeakers.col.audio")}
            stack
            rows={slots}
            empty={<p>{t("notices.loudspeakers.weekEmpty")}</p>}
            columns={[
              {
                header: t("notices.loudspeakers.col.time"),
                rowHeader: true,
                nowrap: true,
                cell: (s) => `${formatClock(s.startMinute)} (${t("notices.loudspeakers.minutes", { n: s.durationMinutes })})`,
              },
              { header: t("notices.loudspeakers.col.days"), cell: (s) => s.weekdays.map((d) => t(dayKey(d))).join(", ") },
              { header: t("notices.loudspeakers.col.notice"), cell: (s) => <a href={noticePaths.stationSlot(station.id, s.id)}>{s.noticeTitle}</a> },
              { header: t("notices.loudspeakers.col.valid"), cell: (s) => valid(s.validFrom, s.validUntil) },
              {
                header: t("notices.loudspeakers.col.audio"),
                cell: (s) =>
                  `${t(`notices.loudspeakers.source.${s.audioSource}` as MessageKey)}, ${t("notices.loudspeakers.seconds", { n: Math.round(s.audioSeconds) })}`,
              },
              {
                header: t("notices.loudspeakers.deleteSlot"),
                cell: (s) => (
                  <PostButton
                    action={noticePaths.stationSlotDelete(station.id, s.id)}
                    csrfToken={ctx.csrfToken}
                    label={t("notices.loudspeakers.deleteSlot")}
                    rowLabel={`${formatClock(s.startMinute)} ${s.noticeTitle}`}
                  />
                ),
              },
            ]}
          />
          <h2 id="settings">{t("notices.loudspeakers.save")}</h2>
          <form method="post" action={noticePaths.stationEdit(station.id)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Field t={t} form={emptyForm({ name: station.name })} name="name" label={t("notices.loudspeakers.field.name")} required autocomplete="off" />
            <div class="checkbox">
              <input type="hidden" name="active" value="false" />
              <input type="checkbox" id="f-active" name="active" value="true" checked={station.active} />
              <label for="f-active">{t("notices.loudspeakers.field.active")}</label>
            </div>
            <Button>{t("notices.loudspeakers.save")}</Button>
          </form>
          <h2 id="key">{t("notices.loudspeakers.keyTitle")}</h2>
          <p>{t("notices.loudspeakers.keyRotatedAt", { at: formatDateTime(station.keyRotatedAt, locale) })}</p>
          <form method="post" action={noticePaths.stationKey(station.id)}>
            <CsrfField token={ctx.csrfToken} />
            <Button variant="warning">{t("notices.loudspeakers.keyRotate")}</Button>
          </form>
        </Layout>,
      );
    },
    edit: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const id = c.req.param("id") ?? "";
      const values = await readForm(c);
      // The hidden "false" comes first; a ticked box adds "true" after it.
      const body = await c.req.parseBody({ all: true });
      const active = Array.isArray(body.active) ? body.active.includes("true") : body.active === "true";
      await changeStation(deps, useCaseContext(c), id, { name: values.name, active });
      setFlash(c, "notices.loudspeakers.flash.saved", secure);
      return c.redirect(noticePaths.station(id), 303);
    },
    rotate: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const id = c.req.param("id") ?? "";
      const { key } = await rotateStationKey(deps, useCaseContext(c), id);
      return renderKey(c, page(c), id, key);
    },
  };
}
