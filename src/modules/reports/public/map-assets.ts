// The report map's files, served from our own origin (no CDN): Leaflet 1.9.4 as installed (package.json pins it) and
// our script (public/map/report-map.js). Each URL carries its content hash (?v=…) and is then cached for a year;
// compressed once (br, gzip) when first asked for, like platform/http/static-assets.ts. Leaflet's CSS finds its images beside it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context } from "hono";
import { PUBLIC_DIR } from "../../../platform/http/static-assets.ts";

/** Where the map's files are served: under /reports so that no other route is shadowed. */
export const MAP_ASSETS_BASE = "/reports/map-assets";

export type MapFile = "leaflet.js" | "leaflet.css" | "report-map.js" | "report-map.css";
const IMAGES = ["layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"] as const;

type Asset = { type: string; raw: Buffer; compressible: boolean; gzip?: Buffer; br?: Buffer; hash: string };

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex").slice(0, 10);

function asset(name: string, raw: Buffer): Asset {
  const ext = path.extname(name);
  const type = ext === ".js" ? "text/javascript; charset=utf-8" : ext === ".css" ? "text/css; charset=utf-8" : "image/png";
  return { type, raw, compressible: ext !== ".png", hash: sha(raw) };
}

export type MapAssets = {
  /** "/reports/map-assets/leaflet.js?v=3f2a9c1d0e" */
  url(name: MapFile): string;
  serve(c: Context, name: string): Response;
};

export function loadMapAssets(): MapAssets {
  const leafletDir = path.dirname(createRequire(import.meta.url).resolve("leaflet/dist/leaflet.js"));
  const byName = new Map<string, Asset>();
  byName.set("leaflet.js", asset("leaflet.js", readFileSync(path.join(leafletDir, "leaflet.js"))));
  byName.set("leaflet.css", asset("leaflet.css", readFileSync(path.join(leafletDir, "leaflet.css"))));
  byName.set("report-map.js", asset("report-map.js", readFileSync(path.join(PUBLIC_DIR, "map", "report-map.js"))));
  byName.set("report-map.css", asset("report-map.css", readFileSync(path.join(PUBLIC_DIR, "map", "report-map.css"))));
  for (const img of IMAGES) byName.set(`images/${img}`, asset(img, readFileSync(path.join(leafletDir, "images", img))));
  return {
    url: (name) => `${MAP_ASSETS_BASE}/${name}?v=${(byName.get(name) as Asset).hash}`,
    serve(c, name) {
      const a = byName.get(name);
      if (!a) return c.notFound() as Response;
      const headers: Record<string, string> = { "content-type": a.type, etag: `"${a.hash}"`, vary: "accept-encoding" };
      // Only the current version is kept for a year (images are referenced by Leaflet's CSS without a version).
      headers["cache-control"] = c.req.query("v") === a.hash ? "public, max-age=31536000, immutable" : "public, max-age=86400";
      if (c.req.header("if-none-match") === headers.etag) return c.body(null, 304, headers);
      const accept = c.req.header("accept-encoding") ?? "";
      let body = a.raw;
      // Compressed at the first request, not at start: most app instances (tests) never serve the map.
      if (a.compressible && /\bbr\b/.test(accept)) {
        a.br ??= brotliCompressSync(a.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        body = a.br;
        headers["content-encoding"] = "br";
      } else if (a.compressible && /\bgzip\b/.test(accept)) {
        a.gzip ??= gzipSync(a.raw, { level: 9 });
        body = a.gzip;
        headers["content-encoding"] = "gzip";
      }
      return c.body(new Uint8Array(body), 200, headers);
    },
  };
}
