// The web app manifest: what Android shows when the app is added to the home screen (name in the person's language).
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { FieldAssets } from "../field-assets.ts";

export const THEME_COLOUR = "#a50e0e";

export function fieldManifest(c: Context<AppEnv>, assets: FieldAssets) {
  const t = c.get("t");
  const manifest = {
    name: t("field.title"),
    short_name: t("field.shortName"),
    description: t("field.description"),
    lang: c.get("locale"),
    id: "/field",
    start_url: "/field",
    scope: "/field",
    display: "standalone",
    orientation: "portrait",
    theme_color: THEME_COLOUR,
    background_color: "#ffffff",
    icons: [
      { src: assets.url("icon-192.png"), sizes: "192x192", type: "image/png" },
      { src: assets.url("icon-512.png"), sizes: "512x512", type: "image/png" },
      { src: assets.url("icon.svg"), sizes: "any", type: "image/svg+xml" },
    ],
  };
  // The name follows the language, so no shared cache keeps it; the browser re-reads it now and then anyway.
  return c.body(JSON.stringify(manifest), 200, { "content-type": "application/manifest+json; charset=utf-8", "cache-control": "no-cache" });
}
