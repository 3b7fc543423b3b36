// GET /field: the field app's shell. Server-rendered in the person's language, with the app's texts embedded as JSON
// for the script (no inline script runs: the CSP allows only same-origin files). Without JavaScript it says so and
// points to the office pages, which need none. The service worker keeps a copy for when there is no network.
import type { Context } from "hono";
import { raw } from "hono/html";
import { scopePaths } from "../../../../platform/auth/authorise.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { requireSignedIn } from "../../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../../platform/http/web-context.ts";
import type { MessageKey } from "../../../../platform/i18n/i18n.ts";
import type { FieldAssets } from "../field-assets.ts";
import { messagesVi } from "../field.messages.ts";
import { THEME_COLOUR } from "./field-manifest.ts";

/** The keys the script reads (field.messages.ts, "field.app.*"). */
export const APP_MESSAGE_KEYS = Object.keys(messagesVi).filter((k) => k.startsWith("field.app.")) as MessageKey[];

/** JSON safe inside a <script> data block: no "</script>", no "<!--". */
const scriptJson = (v: unknown) => raw(JSON.stringify(v).replace(/</g, "\\u003c"));

export function fieldShell(c: Context<AppEnv>, _web: WebContext, assets: FieldAssets) {
  const principal = requireSignedIn(c);
  // Only team members record visits; anyone else learns why instead of an empty list.
  if (scopePaths(principal, "outreach.record").length === 0) throw new AppError("forbidden", "field.forbidden");
  const t = c.get("t");
  const locale = c.get("locale");
  const messages = Object.fromEntries(APP_MESSAGE_KEYS.map((k) => [k, t(k)]));
  const config = {
    locale,
    sw: "/field/sw.js",
    signIn: "/sign-in?next=/field",
    assist: "/office/registry/residents/{id}/assist",
    csrf: c.get("csrfToken"),
  };
  const page = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={THEME_COLOUR} />
        <title>{t("field.title")}</title>
        <link rel="manifest" href="/field/manifest.webmanifest" />
        <link rel="icon" href={assets.url("icon.svg")} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={assets.url("icon-192.png")} />
        <link rel="stylesheet" href={assets.url("app.css")} />
        <script type="module" src={assets.url("app.js")} />
      </head>
      <body>
        <header class="bar">
          <h1>{t("field.title")}</h1>
        </header>
        <p id="net" class="net" role="status" hidden>
          {t("field.app.offline")}
        </p>
        <p id="flash" class="flash" role="status" hidden />
        <main id="main">
          <noscript>
            <p>{t("field.noScript")}</p>
            <p>
              <a href="/office">{t("field.noScriptLink")}</a>
            </p>
          </noscript>
        </main>
        <script type="application/json" id="field-messages">
          {scriptJson(messages)}
        </script>
        <script type="application/json" id="field-config">
          {scriptJson(config)}
        </script>
      </body>
    </html>
  );
  return c.html(`<!doctype html>${page}`);
}
