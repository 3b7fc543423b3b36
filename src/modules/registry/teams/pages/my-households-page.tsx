// GET /office/my-households: a volunteer's own assigned households, each linked to its page, and the field app.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDate } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs } from "../../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { type AssignedHousehold, listMyHouseholds } from "../../use-cases/team-households.ts";

export function myHouseholdsPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const households = await listMyHouseholds(kit.deps, ctxOf(c));
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const columns: Column<AssignedHousehold>[] = [
      { header: t("teams.address"), rowHeader: true, cell: (h) => <a href={`/office/registry/households/${h.householdId}`}>{h.address}</a> },
      { header: t("teams.village"), cell: (h) => h.villageName },
      { header: t("teams.head"), cell: (h) => h.headName ?? "–" },
      { header: t("teams.assignedAt"), nowrap: true, cell: (h) => formatDate(h.assignedAt, locale) },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("teams.myHouseholds")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("teams.myHouseholds") }]} />
        <h1>{t("teams.myHouseholds")}</h1>
        <p>
          <a class="button" href="/field">
            {t("teams.fieldApp")}
          </a>
        </p>
        <DataTable caption={t("teams.myHouseholds")} columns={columns} rows={households} stack empty={<p>{t("teams.myHouseholdsNone")}</p>} />
      </Layout>,
    );
  };
}
