// GET /office/indicators/elements (indicator.read): the computed data elements — name, source module, how and on
// which day each is counted, its finest level, whether its source has landed — and every refresh step's last run.
// POST (indicator.manage): refresh now, then back here with a flash. Works without JavaScript.
import type { Context } from "hono";
import { type Principal, scopePaths } from "../../../../platform/auth/authorise.ts";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime, formatNumber } from "../../../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../../../platform/i18n/i18n.ts";
import { Breadcrumbs, CsrfField, Tag } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import { refreshFactsNow } from "../../use-cases/facts-refresh-now.ts";
import { type ElementStatus, type RefreshRun, readElementsStatus } from "../../use-cases/facts-refresh-status.ts";
import { countedOn } from "../element-sources.ts";

const mayManage = (p: Principal) => scopePaths(p, "indicator.manage").length > 0;

function stepLabel(t: Translate, source: string): string {
  const [step, province] = source.split(":");
  const name = t(`indicators.elements.step.${step}` as MessageKey);
  return province ? t("indicators.elements.step.province", { step: name, province }) : name;
}

function counted(t: Translate, e: ElementStatus): string {
  if (e.aggregation === "last") return t("indicators.elements.last");
  const on = countedOn(e.key);
  return t("indicators.elements.sum", { on: on ? t(`indicators.elements.on.${on}` as MessageKey) : "–" });
}

export function elementsPage(kit: PageKit) {
  const { deps, page, secure } = kit;
  return {
    get: async (c: Context<AppEnv>) => {
      const p = requireSignedIn(c);
      const status = await readElementsStatus(deps, { principal: p });
      const ctx = page(c);
      const { t, locale } = ctx;
      const title = t("indicators.elements.title");
      const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : t("indicators.elements.never"));
      return c.html(
        <Layout ctx={ctx} title={title} office>
          <Breadcrumbs
            t={t}
            items={[{ href: "/office", label: t("nav.office") }, { href: indicatorPaths.office, label: t("indicators.title") }, { label: title }]}
          />
          <h1>{title}</h1>
          <p id="elements-lead">{t("indicators.elements.lead")}</p>
          {mayManage(p) ? (
            <form method="post" action={indicatorPaths.elements}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="button">
                {t("indicators.elements.refreshNow")}
              </button>
            </form>
          ) : null}
          <DataTable<ElementStatus>
            caption={t("indicators.elements.catalogue")}
            showCaption
            stack
            describedBy="elements-lead"
            rows={status.elements}
            columns={[
              { header: t("indicators.elements.col.element"), rowHeader: true, cell: (e) => t(`indicators.element.${e.key}` as MessageKey) },
              { header: t("indicators.elements.col.key"), nowrap: true, cell: (e) => <code>{e.key}</code> },
              { header: t("indicators.elements.col.source"), cell: (e) => t(`indicators.elements.source.${e.source}` as MessageKey) },
              { header: t("indicators.elements.col.counted"), cell: (e) => counted(t, e) },
              { header: t("indicators.elements.col.level"), cell: (e) => t(`indicators.elements.level.${e.level}` as MessageKey) },
              {
                header: t("indicators.elements.col.status"),
                cell: (e) =>
                  e.landed ? <Tag tone="green">{t("indicators.elements.landed")}</Tag> : <Tag tone="grey">{t("indicators.elements.notLanded")}</Tag>,
              },
              { header: t("indicators.elements.col.lastRefresh"), nowrap: true, cell: (e) => (e.landed ? when(e.lastRefreshAt) : "–") },
            ]}
          />
          <h2>{t("indicators.elements.runs")}</h2>
          <p>{t("indicators.elements.runs.lead")}</p>
          <DataTable<RefreshRun>
            caption={t("indicators.elements.runs")}
            rows={status.runs}
            empty={<p>{t("indicators.elements.noRuns")}</p>}
            columns={[
              { header: t("indicators.elements.run.step"), rowHeader: true, cell: (r) => stepLabel(t, r.source) },
              { header: t("indicators.elements.run.at"), nowrap: true, cell: (r) => when(r.lastRunAt) },
              { header: t("indicators.elements.run.ms"), num: true, cell: (r) => (r.lastMs == null ? "–" : formatNumber(r.lastMs, locale)) },
              { header: t("indicators.elements.run.rows"), num: true, cell: (r) => (r.lastRows == null ? "–" : formatNumber(r.lastRows, locale)) },
            ]}
          />
        </Layout>,
      );
    },
    post: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      const report = await refreshFactsNow(deps, useCaseContext(c));
      setFlash(c, report.skipped ? "indicators.elements.flash.busy" : "indicators.elements.flash.refreshed", secure);
      return c.redirect(indicatorPaths.elements, 303);
    },
  };
}
