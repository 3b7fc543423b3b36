// GET /notices: choose a commune (a GET form by province: works without JavaScript), and the communes that have
// notices in force.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs } from "../../../../platform/views/components.tsx";
import { CommunePicker } from "../../../../platform/views/commune-picker.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { listPublicNoticeCommunes } from "../../use-cases/public-list.ts";
import { HTML, localName, publicBody } from "./shared.tsx";

export function communesPage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    // The form's answer: /notices?commune=02923 goes to that commune's page.
    const chosen = c.req.query("commune");
    if (chosen && /^\d{5}$/.test(chosen)) return c.redirect(noticePaths.publicList(chosen), 303);
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const communes = await listPublicNoticeCommunes(kit.deps);
    const withNotices = communes.filter((x) => x.inForce > 0);
    const page = (
      <Layout ctx={ctx} title={t("notices.public.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("notices.public.title") }]} />
        <h1>{t("notices.public.title")}</h1>
        <p class="lead">{t("notices.public.indexLead")}</p>
        <form class="search-form" method="get" action={noticePaths.index}>
          <CommunePicker communes={communes} locale={locale} label={t("notices.public.chooseCommune")} hint={t("notices.public.chooseCommuneHint")} />
          <button type="submit" class="button">
            {t("notices.public.show")}
          </button>
        </form>
        <h2>{t("notices.public.communesWithNotices")}</h2>
        {withNotices.length === 0 ? (
          <p>{t("notices.public.noCommunes")}</p>
        ) : (
          <ul>
            {withNotices.map((x) => (
              <li>
                <a href={noticePaths.publicList(x.code)}>{localName(locale, x.nameVi, x.nameEn)}</a> ({localName(locale, x.provinceVi, x.provinceEn)}) –{" "}
                {t("notices.public.inForceCount", { count: formatNumber(x.inForce, locale) })}
              </li>
            ))}
          </ul>
        )}
      </Layout>
    );
    return publicBody(c, ctx, `<!DOCTYPE html>${page}`, HTML);
  };
}
