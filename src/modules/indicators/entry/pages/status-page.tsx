// GET /office/indicators/entry/status (indicator.read, review or enter): late and missing entries per commune and
// ended period — the province sees its communes, a commune itself. ?unit= narrows to a province or a commune,
// ?filter=late|missing keeps those rows.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs, Button } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { indicatorPaths } from "../../indicator-paths.ts";
import { LATE_AFTER_DAYS, periodLabel } from "../entry-rules.ts";
import { entryStatus } from "../use-cases/entry-status.ts";
import { dayText, EntryNav, StateTag } from "./shared.tsx";

export function statusPage(kit: PageKit) {
  const { deps, page } = kit;
  return async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const rawFilter = c.req.query("filter");
    const filter = rawFilter === "late" || rawFilter === "missing" ? rawFilter : undefined;
    const unit = c.req.query("unit") || undefined;
    const rows = (await entryStatus(deps, { principal: p }, { unit, filter })).filter((r) => r.due > 0);
    const ctx = page(c);
    const { t } = ctx;
    const options = [
      ["", t("indicators.entry.status.all")],
      ["late", t("indicators.entry.status.onlyLate")],
      ["missing", t("indicators.entry.status.onlyMissing")],
    ] as const;
    return c.html(
      <Layout ctx={ctx} title={t("indicators.entry.status.title")} office>
        <Breadcrumbs t={t} items={[{ href: "/office", label: t("nav.office") }, { label: t("indicators.entry.status.title") }]} />
        <h1>{t("indicators.entry.status.title")}</h1>
        <p id="status-rule">{t("indicators.entry.status.intro", { days: LATE_AFTER_DAYS })}</p>
        <EntryNav t={t} enter={scopePaths(p, "indicator.enter").length > 0} review={scopePaths(p, "indicator.review").length > 0} />
        <form method="get" action={indicatorPaths.entryStatus}>
          {unit && <input type="hidden" name="unit" value={unit} />}
          <div class="field">
            <label for="f-filter">{t("indicators.entry.status.filter")}</label>
            <select id="f-filter" name="filter">
              {options.map(([v, label]) => (
                <option value={v} selected={(filter ?? "") === v}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary">{t("indicators.entry.status.show")}</Button>
        </form>
        <DataTable
          caption={t("indicators.entry.status.title")}
          describedBy="status-rule"
          stack
          rows={rows}
          empty={<p>{t("indicators.entry.status.empty")}</p>}
          columns={[
            {
              header: t("indicators.entry.commune"),
              rowHeader: true,
              cell: (r) => <a href={indicatorPaths.entryForm(r.unit.code, r.period.code)}>{r.unit.name}</a>,
            },
            { header: t("indicators.entry.period"), cell: (r) => periodLabel(t, r.period) },
            { header: t("indicators.entry.state"), cell: (r) => <StateTag t={t} state={r.state} late={r.late} /> },
            { header: t("indicators.entry.progress"), cell: (r) => t("indicators.entry.status.counts", r.counts) },
            { header: t("indicators.entry.dueBy"), nowrap: true, cell: (r) => dayText(r.dueBy) },
          ]}
        />
      </Layout>,
    );
  };
}
