// A document for paper: the site's stylesheet, no header, navigation or footer; the body is the caller's.
import type { Child } from "hono/jsx";
import type { PageContext } from "./page-context.ts";

export function PrintLayout(props: { ctx: PageContext; title: string; children: Child }) {
  const { t, locale, assets } = props.ctx;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t("app.name")}`}</title>
        <link rel="stylesheet" href={assets.url("app.css")} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}
