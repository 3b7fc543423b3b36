// Citizen face: home, privacy notice, language choice and the calm error page.
import { statusPath } from "../modules/dossiers/index.ts";
import type { Context, Hono } from "hono";
import { setCookie } from "hono/cookie";
import { takeFlash } from "../platform/http/flash.ts";
import type { WebContext } from "../platform/http/web-context.ts";
import { listServedProvinces } from "../modules/admin-units/index.ts";
import { setUserLocale } from "../modules/identity/index.ts";
import { useCaseContext } from "../platform/auth/use-case-context.ts";
import { readForm, safeNext } from "../platform/http/forms.ts";
import type { AppEnv } from "../platform/http/hono-env.ts";
import { LANG_COOKIE } from "../platform/http/middleware.ts";
import { isLocale } from "../platform/i18n/i18n.ts";
import { Layout } from "../platform/views/layout.tsx";
import { pageContext } from "../platform/views/page-context.ts";

export function renderErrorPage(c: Context<AppEnv>, web: WebContext, status: number, title: string, detail: string) {
  const ctx = pageContext(c, web.assets);
  return c.html(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <a href="/">{ctx.t("error.backHome")}</a>
      </p>
    </Layout>,
    status as 400,
  );
}

export function registerHomePages(app: Hono<AppEnv>, web: WebContext) {
  const secure = web.deps.config.cookieSecure;

  // The short link in SMS messages, where every character costs.
  app.get("/s/:code", (c) => c.redirect(statusPath(c.req.param("code").slice(0, 60)), 302));

  app.get("/", async (c) => {
    const ctx = pageContext(c, web.assets, takeFlash(c, secure));
    const { t } = ctx;
    const provinces = await listServedProvinces(web.deps);
    return c.html(
      <Layout ctx={ctx} title={t("home.title")}>
        <h1>{t("home.title")}</h1>
        <p class="lead">{t("home.lead")}</p>
        <h2>{t("home.services")}</h2>
        <ul class="cards">
          <li>
            <h3>
              <a href="/procedures">{t("home.services.apply")}</a>
            </h3>
            <p>{t("home.services.applyText")}</p>
          </li>
          <li>
            <h3>
              <a href="/status">{t("home.services.status")}</a>
            </h3>
            <p>{t("home.services.statusText")}</p>
          </li>
          <li>
            <h3>
              <a href="/me/dossiers">{t("home.services.mine")}</a>
            </h3>
            <p>{t("home.services.mineText")}</p>
          </li>
          <li>
            <h3>
              {/* Citizen reports (reports module): the home serves whole provinces, so the commune is chosen there. */}
              <a href="/reports">{t("home.services.report")}</a>
            </h3>
            <p>{t("home.services.reportText")}</p>
          </li>
          <li>
            <h3>
              {/* Notices to residents (notices module, public part): the commune is chosen there. */}
              <a href="/notices">{t("notices.public.homeLink")}</a>
            </h3>
            <p>{t("notices.public.homeText")}</p>
          </li>
        </ul>
        <form class="search-form" method="get" action="/units" role="search">
          <div class="field">
            <label for="home-q">{t("units.searchLabel")}</label>
            <span class="hint" id="home-q-hint">
              {t("units.searchHint")}
            </span>
            <input type="search" id="home-q" name="q" aria-describedby="home-q-hint" />
          </div>
          <button type="submit" class="button">
            {t("units.searchButton")}
          </button>
        </form>
        <h2>{t("home.servedProvinces")}</h2>
        <ul>
          {provinces.map((p) => (
            <li>
              <a href={`/units/${p.code}`}>{ctx.locale === "en" && p.fullNameEn ? p.fullNameEn : p.fullName}</a>
            </li>
          ))}
        </ul>
        <h2>{t("home.whatHere")}</h2>
        <ul class="cards">
          <li>
            <h3>{t("home.card.units")}</h3>
            <p>{t("home.card.unitsText")}</p>
          </li>
          <li>
            <h3>{t("home.card.office")}</h3>
            <p>{t("home.card.officeText")}</p>
          </li>
          <li>
            <h3>{t("home.card.privacy")}</h3>
            <p>{t("home.card.privacyText")}</p>
          </li>
        </ul>
      </Layout>,
    );
  });

  app.get("/privacy", (c) => {
    const ctx = pageContext(c, web.assets);
    const { t } = ctx;
    return c.html(
      <Layout ctx={ctx} title={t("privacy.title")}>
        <h1>{t("privacy.title")}</h1>
        <p>{t("privacy.p1")}</p>
        <p>{t("privacy.p2")}</p>
        <p>{t("privacy.p3")}</p>
      </Layout>,
    );
  });

  app.post("/language", async (c) => {
    const form = await readForm(c);
    const lang = form.lang;
    if (isLocale(lang)) {
      setCookie(c, LANG_COOKIE, lang, { path: "/", maxAge: 365 * 86_400, sameSite: "Lax", secure, httpOnly: true });
      const principal = c.get("principal");
      if (principal) await setUserLocale(web.deps, useCaseContext(c), principal.userId, lang);
    }
    return c.redirect(safeNext(form.next), 303);
  });
}
