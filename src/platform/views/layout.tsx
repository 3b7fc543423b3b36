// The page shell: skip link, header with navigation and language choice, main, footer. No JavaScript needed.
import type { Child } from "hono/jsx";
import { CsrfField } from "./components.tsx";
import type { PageContext } from "./page-context.ts";

/** `refreshSeconds`: the page reloads itself (a progress page that needs no JavaScript). `head`: extra links (feeds). */
export function Layout(props: { ctx: PageContext; title: string; children: Child; office?: boolean; refreshSeconds?: number; head?: Child }) {
  const { t, locale, principal, csrfToken, assets, returnTo } = props.ctx;
  const isOfficer = !!principal && principal.grants.some((g) => g.role !== "citizen");
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
        <title>{`${props.title} – ${t("app.name")}`}</title>
        <link rel="stylesheet" href={assets.url("app.css")} />
        <link rel="icon" href={assets.url("favicon.svg")} type="image/svg+xml" />
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("nav.skipToContent")}
        </a>
        <header class="header">
          <div class="header__inner">
            <a class="header__brand" href="/">
              {t("app.name")}
              <small>{props.office ? t("app.officeFace") : t("app.tagline")}</small>
            </a>
            <nav aria-label={t("nav.main")}>
              <ul class="nav">
                <li>
                  <a href="/procedures">{t("nav.services")}</a>
                </li>
                <li>
                  <a href="/status">{t("nav.status")}</a>
                </li>
                {principal && !isOfficer && (
                  <li>
                    <a href="/me/dossiers">{t("nav.myDossiers")}</a>
                  </li>
                )}
                {isOfficer && (
                  <li>
                    <a href="/office">{t("nav.office")}</a>
                  </li>
                )}
                {principal ? (
                  <li>
                    <form class="inline-form" method="post" action="/sign-out">
                      <CsrfField token={csrfToken} />
                      <button type="submit" class="link-button">
                        {t("nav.signOut")} <span class="visually-hidden">{principal.displayName}</span>
                      </button>
                    </form>
                  </li>
                ) : (
                  <li>
                    <a href="/sign-in">{t("nav.signIn")}</a>
                  </li>
                )}
                <li>
                  <form class="inline-form lang" method="post" action="/language">
                    {/* Anonymous pages carry no token, so they can be kept and shared (see createApp). */}
                    {principal && <CsrfField token={csrfToken} />}
                    <input type="hidden" name="next" value={returnTo} />
                    <span class="visually-hidden">{t("nav.language")}</span>
                    <button type="submit" class="link-button" name="lang" value="vi" lang="vi" aria-current={locale === "vi" ? "true" : undefined}>
                      Tiếng Việt
                    </button>
                    <button type="submit" class="link-button" name="lang" value="en" lang="en" aria-current={locale === "en" ? "true" : undefined}>
                      English
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <div class="container">
          <main id="main" tabindex={-1}>
            {props.ctx.flash && (
              <div class="notice notice--success" role="status">
                {t(props.ctx.flash)}
              </div>
            )}
            {props.children}
          </main>
        </div>
        <footer class="footer">
          <div class="container">
            <p>{t("footer.about")}</p>
            <p>
              <a href="/units">{t("nav.adminUnits")}</a> · <a href="/figures">{t("footer.figures")}</a> · <a href="/api/docs">{t("footer.api")}</a> ·{" "}
              <a href="/privacy">{t("footer.privacy")}</a> · <a href="/help">{t("footer.help")}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
