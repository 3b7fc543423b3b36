// GET /reports: choose a commune this installation serves (a GET form: works without JavaScript), and the communes
// that already show reports in public.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { Breadcrumbs } from "../../../../platform/views/components.tsx";
import { CommunePicker } from "../../../../platform/views/commune-picker.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { reportPaths } from "../../report-paths.ts";
import { listPublicCommunes } from "../../use-cases/public-list.ts";
import { localName } from "./shared.tsx";

export function communesPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    // The form's answer: /reports?commune=02923 goes to that commune's page.
    const chosen = c.req.query("commune");
    if (chosen && /^\d{5}$/.test(chosen)) return c.redirect(reportPaths.publicList(chosen), 303);
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const communes = await listPublicCommunes(kit.deps);
    const withReports = communes.filter((x) => x.publicCount > 0).sort((a, b) => b.publicCount - a.publicCount);
    return c.html(
      <Layout ctx={ctx} title={t("reports.public.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("reports.public.title") }]} />
        <h1>{t("reports.public.title")}</h1>
        <p class="lead">{t("reports.public.indexLead")}</p>
        <form class="search-form" method="get" action={reportPaths.index}>
          <CommunePicker communes={communes} locale={locale} label={t("reports.public.chooseCommune")} hint={t("reports.public.chooseCommuneHint")} />
          <button type="submit" class="button">
            {t("reports.public.show")}
          </button>
        </form>
        <h2>{t("reports.public.communesWithReports")}</h2>
        {withReports.length === 0 ? (
          <p>{t("reports.public.noCommunes")}</p>
        ) : (
          <ul>
            {withReports.map((x) => (
              <li>
                <a href={reportPaths.publicList(x.code)}>{localName(locale, x.nameVi, x.nameEn)}</a> ({localName(locale, x.provinceVi, x.provinceEn)}) –{" "}
                {t("reports.public.publicCount", { count: formatNumber(x.publicCount, locale) })}
              </li>
            ))}
          </ul>
        )}
      </Layout>,
    );
  };
}
