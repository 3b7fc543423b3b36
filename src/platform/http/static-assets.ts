// Static files are fingerprinted by content hash, cached for a year and served pre-compressed (br, gzip).
// sendFile() is also how a module serves files of its own (the reports module's map files).
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

/** A file ready to serve; its compressed forms are made once, when first needed (or at load, by compressFile). */
export type ServedFile = { type: string; raw: Buffer; hash: string; compressible: boolean; gzip?: Buffer; br?: Buffer };

/** A file read for serving, or null for a type we do not serve: its type from the extension, a short content hash. */
export function servedFile(name: string, raw: Buffer): ServedFile | null {
  const ext = path.extname(name);
  const type = TYPES[ext];
  if (!type) return null;
  return { type, raw, hash: createHash("sha256").update(raw).digest("hex").slice(0, 10), compressible: COMPRESSIBLE.has(ext) };
}

export function compressFile(f: ServedFile): void {
  if (!f.compressible) return;
  f.gzip ??= gzipSync(f.raw, { level: 9 });
  f.br ??= brotliCompressSync(f.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
}

/** Answers one file: 304 on a matching ETag, else brotli or gzip as the client accepts them. */
export function sendFile(c: Context, f: ServedFile, cacheControl: string): Response {
  const headers: Record<string, string> = { "content-type": f.type, "cache-control": cacheControl, etag: `"${f.hash}"`, vary: "accept-encoding" };
  if (c.req.header("if-none-match") === headers.etag) return c.body(null, 304, headers);
  const accept = c.req.header("accept-encoding") ?? "";
  let body = f.raw;
  if (f.compressible && /\b(br|gzip)\b/.test(accept)) {
    compressFile(f);
    const br = /\bbr\b/.test(accept);
    body = (br ? f.br : f.gzip) as Buffer;
    headers["content-encoding"] = br ? "br" : "gzip";
  }
  return c.body(new Uint8Array(body), 200, headers);
}

export type StaticAssets = {
  /** "/assets/app.3f2a9c1d.css" for "app.css". */
  url(name: string): string;
  serve(c: Context): Response;
};

export function loadStaticAssets(dir = PUBLIC_DIR): StaticAssets {
  const byUrl = new Map<string, ServedFile>();
  const urls = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const ext = path.extname(name);
    // Folders (public/map, public/field) have no extension: only files of a served type are read.
    if (!TYPES[ext]) continue;
    const f = servedFile(name, readFileSync(path.join(dir, name))) as ServedFile;
    const url = `/assets/${path.basename(name, ext)}.${f.hash}${ext}`;
    compressFile(f);
    byUrl.set(url, f);
    urls.set(name, url);
  }
  return {
    url(name) {
      const u = urls.get(name);
      if (!u) throw new Error(`unknown asset ${name}`);
      return u;
    },
    serve(c) {
      const f = byUrl.get(c.req.path);
      if (!f) return c.notFound() as Response;
      return sendFile(c, f, "public, max-age=31536000, immutable");
    },
  };
}
