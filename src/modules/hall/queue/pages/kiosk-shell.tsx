// The kiosk's own document: no site header or footer (a touch screen at the hall), its own large-type stylesheet.
import type { Child } from "hono/jsx";
import type { Locale } from "../../../../platform/i18n/i18n.ts";
import type { QueueAssets } from "../queue-assets.ts";

export function KioskShell(p: { locale: Locale; title: string; assets: QueueAssets; refresh?: { seconds: number; url: string }; children: Child }) {
  return (
    <html lang={p.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Only without JavaScript: kiosk.js returns sooner, and a timed refresh the script does not need is an axe
            violation (meta-refresh, WCAG 2.2.1). */}
        {p.refresh ? (
          <noscript>
            <meta http-equiv="refresh" content={`${p.refresh.seconds};url=${p.refresh.url}`} />
          </noscript>
        ) : null}
        <title>{p.title}</title>
        <link rel="stylesheet" href={p.assets.url("kiosk.css")} />
        <script src={p.assets.url("kiosk.js")} defer />
      </head>
      <body>
        <main class="kiosk">{p.children}</main>
      </body>
    </html>
  );
}
