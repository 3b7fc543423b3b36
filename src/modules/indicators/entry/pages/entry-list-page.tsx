// GET /office/indicators/entry (indicator.enter): the officer's communes and, per frequency in use, the current
// period and those before it, each with its state, progress and due day; a link opens the form.
import type { Context } from "hono";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { periodLabel } from "../entry-rules.ts";
import { entryList } from "../use-cases/entry-status.ts";
import { dayText, EntryNav, StateTag } from "./shared.tsx";

export function entryListPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const rows = await entryList(deps, { principal: p });
    const ctx = page(c);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("indicators.entry.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("indicators.entry.title") }]} />
        <h1>{t("indicators.entry.title")}</h1>
        <p>{t("indicators.entry.intro")}</p>
        <EntryNav t={t} enter review={scopePaths(p, "indicator.review").length > 0} />
        <DataTable
          caption={t("indicators.entry.title")}
          stack
          rows={rows.filter((r) => r.due > 0)}
          empty={<p>{t("indicators.entry.none")}</p>}
          columns={[
            { header: t("indicators.entry.commune"), cell: (r) => r.unit.name },
            {
              header: t("indicators.entry.period"),
              rowHeader: true,
              cell: (r) => <a href={indicatorPaths.entryForm(r.unit.code, r.period.code)}>{periodLabel(t, r.period)}</a>,
            },
            { header: t("indicators.entry.state"), cell: (r) => <StateTag t={t} state={r.state} late={r.late} /> },
            {
              header: t("indicators.entry.progress"),
              num: true,
              cell: (r) => t("indicators.entry.progressValue", { done: r.due - r.counts.missing, due: r.due }),
            },
            { header: t("indicators.entry.dueBy"), nowrap: true, cell: (r) => dayText(r.dueBy) },
          ]}
        />
      </Layout>,
    );
  };
}
