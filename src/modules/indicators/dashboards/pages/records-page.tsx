// GET /office/indicators/u/:unit/records/:element?period=&cursor=: the records behind a number, 50 a page — the
// dossiers (links to the dossier's office page) or the households (links to the registry's household page). Personal
// data: the use case checks access and logs the read.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDate, formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Pagination } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { listRecords } from "../use-cases/dashboard-records.ts";
import { periodName, unitName, type View } from "./shared.tsx";

const day = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;

export function recordsPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const raw: Record<string, string> = {};
    for (const k of ["period", "cursor"]) {
      const x = c.req.query(k);
      if (x) raw[k] = x;
    }
    const unitCode = c.req.param("unit") ?? "";
    const element = c.req.param("element") ?? "";
    const r = await listRecords(kit.deps, useCaseContext(c), { unit: unitCode, element }, raw);
    const ctx = kit.page(c);
    const v: View = { t: ctx.t, locale: ctx.locale };
    const { t, locale } = v;
    const listName =
      r.source.type === "dossiers"
        ? t(`indicators.dashboards.records.${r.source.kind}`)
        : t(r.source.withoutProficient ? "indicators.dashboards.records.withoutProficient" : "indicators.dashboards.records.households");
    const uname = unitName(v, r.unit);
    const title = t("indicators.dashboards.recordsTitle", { list: listName, unit: uname });
    const pq = `?${new URLSearchParams({ period: r.period.code }).toString()}`;
    const date = (d: Date | null) => (d ? formatDate(d, locale) : t("indicators.dashboards.none"));
    return c.html(
      <Layout ctx={ctx} title={title} office head={<link rel="stylesheet" href={ctx.assets.url("indicators.css")} />}>
        <Breadcrumbs
          t={t}
          items={[
            { href: "/office", label: t("nav.office") },
            ...r.ancestors.map((a) => ({ href: `${indicatorPaths.unit(a.code)}${pq}`, label: unitName(v, a) })),
            { href: `${indicatorPaths.unit(r.unit.code)}${pq}`, label: uname },
            { label: listName },
          ]}
        />
        <h1>{title}</h1>
        <p class="lead">
          {r.source.type === "dossiers"
            ? t("indicators.dashboards.recordsLead", { period: periodName(v, r.period) })
            : t("indicators.dashboards.householdsLead")}
        </p>
        {r.source.type === "dossiers" ? (
          <DataTable
            caption={listName}
            rows={r.dossiers}
            stack
            empty={<p>{t("indicators.dashboards.recordsEmpty")}</p>}
            columns={[
              { header: t("indicators.dashboards.col.procedure"), rowHeader: true, cell: (x) => <a href={`/office/dossiers/${x.id}`}>{x.procedureName}</a> },
              {
                header: t("indicators.dashboards.col.channel"),
                cell: (x) => (["counter", "online", "post"].includes(x.channel) ? t(`indicators.dashboards.channel.${x.channel as "counter"}`) : x.channel),
              },
              { header: t("indicators.dashboards.col.received"), nowrap: true, cell: (x) => date(x.receivedAt) },
              { header: t("indicators.dashboards.col.due"), nowrap: true, cell: (x) => date(x.dueAt) },
              { header: t("indicators.dashboards.col.finished"), nowrap: true, cell: (x) => date(x.finishedAt) },
              {
                header: t("indicators.dashboards.col.timing"),
                cell: (x) =>
                  x.timing === "early" || x.timing === "onTime" || x.timing === "late"
                    ? t(`indicators.dashboards.timing.${x.timing}`)
                    : t("indicators.dashboards.none"),
              },
            ]}
          />
        ) : (
          <DataTable
            caption={listName}
            rows={r.households}
            stack
            empty={<p>{t("indicators.dashboards.recordsEmpty")}</p>}
            columns={[
              { header: t("indicators.dashboards.col.address"), rowHeader: true, cell: (x) => <a href={`/office/registry/households/${x.id}`}>{x.address}</a> },
              { header: t("indicators.dashboards.col.village"), cell: (x) => x.villageName },
              { header: t("indicators.dashboards.col.members"), num: true, cell: (x) => formatNumber(x.members, locale) },
              { header: t("indicators.dashboards.col.proficient"), num: true, cell: (x) => formatNumber(x.proficientMembers, locale) },
              {
                header: t("indicators.dashboards.col.lastVisit"),
                nowrap: true,
                cell: (x) => (x.lastVisitOn ? day(x.lastVisitOn) : t("indicators.dashboards.none")),
              },
            ]}
          />
        )}
        <Pagination
          t={t}
          basePath={indicatorPaths.records(r.unit.code, r.element)}
          params={{ period: r.period.code }}
          nextCursor={r.nextCursor}
          isFirst={r.isFirst}
        />
      </Layout>,
    );
  };
}
