// Static files are fingerprinted by content hash, cached for a year and served pre-compressed (br, gzip).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context } from "hono";

export const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public");

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};
const COMPRESSIBLE = new Set([".css", ".js", ".svg"]);

type Asset = { type: string; raw: Buffer; gzip?: Buffer; br?: Buffer; etag: string };

export type StaticAssets = {
  /** "/assets/app.3f2a9c1d.css" for "app.css". */
  url(name: string): string;
  serve(c: Context): Response;
};

export function loadStaticAssets(dir = PUBLIC_DIR): StaticAssets {
  const byUrl = new Map<string, Asset>();
  const urls = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const ext = path.extname(name);
    const type = TYPES[ext];
    if (!type) continue;
    const raw = readFileSync(path.join(dir, name));
    const hash = createHash("sha256").update(raw).digest("hex").slice(0, 10);
    const url = `/assets/${path.basename(name, ext)}.${hash}${ext}`;
    const asset: Asset = { type, raw, etag: `"${hash}"` };
    if (COMPRESSIBLE.has(ext)) {
      asset.gzip = gzipSync(raw, { level: 9 });
      asset.br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    }
    byUrl.set(url, asset);
    urls.set(name, url);
  }
  return {
    url(name) {
      const u = urls.get(name);
      if (!u) throw new Error(`unknown asset ${name}`);
      return u;
    },
    serve(c) {
      const asset = byUrl.get(c.req.path);
      if (!asset) return c.notFound() as Response;
      const headers: Record<string, string> = {
        "content-type": asset.type,
        "cache-control": "public, max-age=31536000, immutable",
        etag: asset.etag,
        vary: "accept-encoding",
      };
      if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304, headers);
      const accept = c.req.header("accept-encoding") ?? "";
      let body = asset.raw;
      if (asset.br && /\bbr\b/.test(accept)) {
        body = asset.br;
        headers["content-encoding"] = "br";
      } else if (asset.gzip && /\bgzip\b/.test(accept)) {
        body = asset.gzip;
        headers["content-encoding"] = "gzip";
      }
      return c.body(new Uint8Array(body), 200, headers);
    },
  };
}
