// The report map's files, served from our own origin (no CDN): Leaflet 1.9.4 as installed (package.json pins it) and
// our script (public/map/report-map.js). Each URL carries its content hash (?v=…) and is then cached for a year;
// compressed once (br, gzip) when first asked for, by platform/http/static-assets.ts's sendFile. Leaflet's CSS finds its images beside it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Context } from "hono";
import { PUBLIC_DIR, type ServedFile, sendFile, servedFile } from "../../../platform/http/static-assets.ts";

/** Where the map's files are served: under /reports so that no other route is shadowed. */
export const MAP_ASSETS_BASE = "/reports/map-assets";

export type MapFile = "leaflet.js" | "leaflet.css" | "report-map.js" | "report-map.css";
const IMAGES = ["layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"] as const;

const asset = (name: string, raw: Buffer): ServedFile => servedFile(name, raw) as ServedFile;

export type MapAssets = {
  /** "/reports/map-assets/leaflet.js?v=3f2a9c1d0e" */
  url(name: MapFile): string;
  serve(c: Context, name: string): Response;
};

export function loadMapAssets(): MapAssets {
  const leafletDir = path.dirname(createRequire(import.meta.url).resolve("leaflet/dist/leaflet.js"));
  const byName = new Map<string, ServedFile>();
  byName.set("leaflet.js", asset("leaflet.js", readFileSync(path.join(leafletDir, "leaflet.js"))));
  byName.set("leaflet.css", asset("leaflet.css", readFileSync(path.join(leafletDir, "leaflet.css"))));
  byName.set("report-map.js", asset("report-map.js", readFileSync(path.join(PUBLIC_DIR, "map", "report-map.js"))));
  byName.set("report-map.css", asset("report-map.css", readFileSync(path.join(PUBLIC_DIR, "map", "report-map.css"))));
  for (const img of IMAGES) byName.set(`images/${img}`, asset(img, readFileSync(path.join(leafletDir, "images", img))));
  return {
    url: (name) => `${MAP_ASSETS_BASE}/${name}?v=${(byName.get(name) as ServedFile).hash}`,
    serve(c, name) {
      const a = byName.get(name);
      if (!a) return c.notFound() as Response;
      // Only the current version is kept for a year (images are referenced by Leaflet's CSS without a version);
      // compressed at the first request, not at start: most app instances (tests) never serve the map.
      return sendFile(c, a, c.req.query("v") === a.hash ? "public, max-age=31536000, immutable" : "public, max-age=86400");
    },
  };
}
