// GET /office/audit: the newest audit entries about units in the admin's scope, fifty at a time.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { Breadcrumbs } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { listAuditLog } from "../use-cases/list-audit-log.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

const PAGE = 50;
type Entry = Awaited<ReturnType<typeof listAuditLog>>[number];

export function auditPage(iw: PageKit) {
  return async (c: Context<AppEnv>) => {
    const ctx = iw.page(c);
    const { t, locale } = ctx;
    const before = c.req.query("before");
    const beforeSeq = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
    const entries = await listAuditLog(iw.deps, ctxOf(c), { beforeSeq, limit: PAGE });
    const last = entries[entries.length - 1];
    const columns: Column<Entry>[] = [
      { header: "#", cell: (e) => e.seq, num: true },
      { header: t("audit.at"), cell: (e) => formatDateTime(e.at, locale) },
      { header: t("audit.actor"), cell: (e) => e.actorLabel },
      { header: t("audit.action"), cell: (e) => <code>{e.action}</code> },
      { header: t("audit.target"), cell: (e) => `${e.targetType}${e.targetId ? ` ${e.targetId}` : ""}` },
      { header: t("users.unit"), cell: (e) => e.adminUnitCode ?? "–" },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("audit.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("audit.title") }]} />
        <h1>{t("audit.title")}</h1>
        <p>{t("audit.intro")}</p>
        <DataTable caption={t("audit.title")} columns={columns} rows={entries} />
        {entries.length === PAGE && last && (
          <p>
            <a href={`/office/audit?before=${last.seq}`} rel="next">
              {t("nav.nextPage")} »
            </a>
          </p>
        )}
      </Layout>,
    );
  };
}
