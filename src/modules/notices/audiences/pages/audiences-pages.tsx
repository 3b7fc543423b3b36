// GET /office/notices/:id/audience (notice.read on the notice: counts only) and GET /office/notices/:id/deliveries
// (the delivery report; the list of one status with addresses and names for officers of the issuing unit, audited).
// Both work without JavaScript.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, SelectField } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { DELIVERY_STATUSES, type DeliveryStatus, type NoticeRow } from "../../notices.model.ts";
import { noticeDeliveries } from "../../use-cases/audiences-deliveries.ts";
import { previewSavedNotice } from "../../use-cases/audiences-preview.ts";
import type { DeliveryReport } from "../audiences.contract.ts";
import type { DeliveryListRow } from "../audiences.repository.ts";
import { AudienceView, channelLabel } from "./audience-view.tsx";

const crumbs = (t: Translate, notice: Pick<NoticeRow, "id" | "title">, label: string) => [
  { href: "/office", label: t("nav.office") },
  { href: noticePaths.officeNotice(notice.id), label: notice.title },
  { label },
];

const statusLabel = (t: Translate, s: DeliveryStatus) => t(`notices.audiences.status.${s}`);

export function audiencesPages(kit: PageKit) {
  const { deps, page } = kit;

  const audience = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const id = c.req.param("id") ?? "";
    const uc = useCaseContext(c);
    const { notice, preview } = await previewSavedNotice(deps, uc, id);
    const title = t("notices.audiences.title");
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={crumbs(t, notice, title)} />
        <h1>{title}</h1>
        <p>{notice.title}</p>
        {preview.fannedOut ? (
          <p>
            {t("notices.audiences.fannedOut")} <a href={noticePaths.officeDeliveries(id)}>{t("notices.audiences.openReport")}</a>
          </p>
        ) : (
          <p>{t("notices.audiences.panelIntro")}</p>
        )}
        <AudienceView t={t} locale={locale} preview={preview} />
        <p>
          <a href={noticePaths.officeNotice(id)}>{t("notices.audiences.back")}</a>
        </p>
      </Layout>,
    );
  };

  const deliveries = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const ctx = page(c);
    const { t, locale } = ctx;
    const id = c.req.param("id") ?? "";
    const raw: Record<string, string> = {};
    for (const k of ["status", "page"]) {
      const v = c.req.query(k);
      if (v) raw[k] = v;
    }
    const view = await noticeDeliveries(deps, useCaseContext(c), id, raw);
    const { report, query } = view;
    const n = (x: number) => formatNumber(x, locale);
    const title = t("notices.audiences.deliveriesTitle");
    type ChannelRow = DeliveryReport["channels"][number];
    type VillageRow = DeliveryReport["villages"][number];
    const statusColumns = <R extends Record<DeliveryStatus, number>>() =>
      DELIVERY_STATUSES.map((s) => ({ header: statusLabel(t, s), cell: (r: R) => n(r[s]), num: true }));
    const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
    const link = (p: number) => `${noticePaths.officeDeliveries(id)}?status=${query.status}&page=${p}`;
    const form = { values: { status: query.status }, errors: [] };
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs t={t} items={crumbs(t, view.notice, title)} />
        <h1>{title}</h1>
        <p>{view.notice.title}</p>
        {report.total === 0 ? (
          <p>{t("notices.audiences.notFannedOut")}</p>
        ) : (
          <>
            <h2>{t("notices.audiences.byChannel")}</h2>
            <DataTable<ChannelRow>
              caption={t("notices.audiences.byChannel")}
              stack
              columns={[
                { header: t("notices.audiences.channel"), cell: (r) => channelLabel(t, r.channel), rowHeader: true },
                ...statusColumns<ChannelRow>(),
                { header: t("notices.audiences.deliveries"), cell: (r) => n(r.total), num: true },
                { header: t("notices.audiences.cost"), cell: (r) => n(r.costVnd), num: true },
              ]}
              rows={report.channels}
              foot={[t("notices.audiences.total"), ...DELIVERY_STATUSES.map((s) => n(report.totals[s])), n(report.total), n(report.costVnd)]}
            />
            <h2>{t("notices.audiences.byVillage")}</h2>
            <DataTable<VillageRow>
              caption={t("notices.audiences.byVillage")}
              stack
              columns={[
                { header: t("notices.audiences.village"), cell: (r) => r.villageName ?? r.villageCode ?? t("notices.audiences.noVillage"), rowHeader: true },
                ...statusColumns<VillageRow>(),
                { header: t("notices.audiences.deliveries"), cell: (r) => n(r.total), num: true },
              ]}
              rows={report.villages}
            />
          </>
        )}
        <h2>{t("notices.audiences.listTitle", { status: statusLabel(t, query.status) })}</h2>
        {view.mayList ? (
          <>
            <form method="get" action={noticePaths.officeDeliveries(id)} class="filters">
              <SelectField
                t={t}
                form={form}
                name="status"
                label={t("notices.audiences.listStatus")}
                options={DELIVERY_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
              />
              <Button>{t("notices.audiences.show")}</Button>
            </form>
            <DataTable<DeliveryListRow>
              caption={t("notices.audiences.listTitle", { status: statusLabel(t, query.status) })}
              stack
              empty={<p>{t("notices.audiences.emptyList")}</p>}
              columns={[
                { header: t("notices.audiences.address"), cell: (r) => r.address, rowHeader: true, nowrap: true },
                { header: t("notices.audiences.channel"), cell: (r) => channelLabel(t, r.channel) },
                { header: t("notices.audiences.resident"), cell: (r) => r.residentName ?? "" },
                { header: t("notices.audiences.village"), cell: (r) => r.villageName ?? r.villageCode ?? "" },
                { header: t("notices.audiences.attempts"), cell: (r) => n(r.attempts), num: true },
                {
                  header: t("notices.audiences.reason"),
                  cell: (r) => [r.lastError ?? r.skipReason ?? "", r.failedAt ? ` (${formatDateTime(r.failedAt, locale)})` : ""].join(""),
                },
              ]}
              rows={view.items}
            />
            {pages > 1 ? (
              <nav class="pagination" aria-label={t("notices.audiences.listTitle", { status: statusLabel(t, query.status) })}>
                {query.page > 1 ? <a href={link(query.page - 1)}>‹ {n(query.page - 1)}</a> : null}{" "}
                <span>
                  {n(query.page)} / {n(pages)}
                </span>{" "}
                {query.page < pages ? <a href={link(query.page + 1)}>{n(query.page + 1)} ›</a> : null}
              </nav>
            ) : null}
          </>
        ) : (
          <p>{t("notices.audiences.listHidden")}</p>
        )}
        <p>
          <a href={noticePaths.officeNotice(id)}>{t("notices.audiences.back")}</a>
        </p>
      </Layout>,
    );
  };

  return { audience, deliveries };
}
