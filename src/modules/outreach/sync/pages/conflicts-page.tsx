// GET /office/field/conflicts: the open conflicts the settler may see, oldest first. Works without JavaScript.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs } from "../../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { displayNames } from "../../../identity/index.ts";
import { type ConflictSummary, listOpenConflicts } from "../../use-cases/sync-conflicts.ts";
import { fieldLabel } from "./field-values.ts";

export function conflictsPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const rows = await listOpenConflicts(deps, ctxOf(c));
    const names = await displayNames(
      deps.db,
      rows.map((r) => r.submittedBy),
    );
    const ctx = page(c);
    const { t, locale } = ctx;
    const columns: Column<ConflictSummary>[] = [
      { header: t("sync.conflicts.household"), rowHeader: true, cell: (r) => r.address },
      {
        header: t("sync.conflicts.about"),
        cell: (r) =>
          `${r.entity === "household" ? t("sync.conflicts.aboutHousehold") : t("sync.conflicts.aboutPerson")}: ${r.fields.map((f) => fieldLabel(t, f)).join(", ")}`,
      },
      { header: t("sync.conflicts.submittedBy"), cell: (r) => names.get(r.submittedBy) ?? "" },
      { header: t("sync.conflicts.receivedAt"), nowrap: true, cell: (r) => formatDateTime(r.createdAt, locale) },
      {
        header: t("sync.conflicts.open"),
        cell: (r) => (
          <a href={`/office/field/conflicts/${r.id}`}>
            {t("sync.conflicts.open")} <span class="visually-hidden">{r.address}</span>
          </a>
        ),
      },
    ];
    return c.html(
      <Layout ctx={ctx} title={t("sync.conflicts.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("sync.conflicts.title") }]} />
        <h1>{t("sync.conflicts.title")}</h1>
        <p>{t("sync.conflicts.intro")}</p>
        <DataTable caption={t("sync.conflicts.title")} columns={columns} rows={rows} stack empty={<p>{t("sync.conflicts.none")}</p>} />
      </Layout>,
    );
  };
}
