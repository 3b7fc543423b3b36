// What a page needs to offer the map: the files (one loader per app) and the installation's tiles. A WeakMap keyed by
// the app's WebContext, so that the public pages and the report form (reporting part) share one loader per app.
import type { WebContext } from "../../../platform/http/web-context.ts";
import { loadMapAssets, type MapAssets } from "./map-assets.ts";

export type MapSettings = { assets: MapAssets; tileUrl: string | null; attribution: string };

const perApp = new WeakMap<WebContext, MapSettings>();

export function mapSettings(web: WebContext): MapSettings {
  let s = perApp.get(web);
  if (!s) {
    s = { assets: loadMapAssets(), tileUrl: web.deps.config.map.tileUrl, attribution: web.deps.config.map.attribution };
    perApp.set(web, s);
  }
  return s;
}
