// GET /office/stations/:id/plays: what the station reported playing (30 days), newest first.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../../platform/i18n/i18n.ts";
import { Breadcrumbs, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { stationPlayLog } from "../../use-cases/loudspeakers-plays-list.ts";
import { getStation } from "../../use-cases/loudspeakers-station-get.ts";

export function playsPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const id = c.req.param("id") ?? "";
    const view = await getStation(deps, p, id);
    const log = await stationPlayLog(deps, p, id);
    const title = `${t("notices.loudspeakers.playLog")}: ${view.station.name}`;
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            { href: noticePaths.stations, label: t("notices.loudspeakers.title") },
            { href: noticePaths.station(id), label: view.station.name },
            { label: t("notices.loudspeakers.playLog") },
          ]}
        />
        <h1>{title}</h1>
        <p>{t("notices.loudspeakers.playsWeek", { played: log.playedThisWeek, scheduled: log.scheduledThisWeek })}</p>
        <DataTable
          caption={t("notices.loudspeakers.playLog")}
          stack
          rows={log.plays}
          empty={<p>{t("notices.loudspeakers.playsNone")}</p>}
          columns={[
            { header: t("notices.loudspeakers.col.startedAt"), rowHeader: true, nowrap: true, cell: (r) => formatDateTime(r.startedAt, locale) },
            { header: t("notices.loudspeakers.col.notice"), cell: (r) => r.noticeTitle },
            {
              header: t("notices.loudspeakers.col.duration"),
              num: true,
              cell: (r) => (r.durationSeconds === null ? "—" : t("notices.loudspeakers.seconds", { n: r.durationSeconds })),
            },
            {
              header: t("notices.loudspeakers.col.status"),
              cell: (r) => {
                const label = t(`notices.loudspeakers.status.${r.status}` as MessageKey);
                return r.status === "played" ? label : <Tag tone="red">{label}</Tag>;
              },
            },
          ]}
        />
      </Layout>,
    );
  };
}
