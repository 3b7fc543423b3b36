// The field app's own files (public/field/): served under /field/ so the service worker's scope covers them, each
// URL versioned by its content hash (?v=…) and then cached for a year; pre-compressed once (br, gzip) like
// platform/http/static-assets.ts. The service worker's source gets the version and the shell's URLs prepended, so
// any change to the app changes sw.js and the phone installs the new shell.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context } from "hono";
import { PUBLIC_DIR } from "../../../platform/http/static-assets.ts";

export const FIELD_DIR = path.join(PUBLIC_DIR, "field");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

type Asset = { type: string; raw: Buffer; gzip?: Buffer; br?: Buffer; hash: string };

export type FieldAssets = {
  /** "/field/app.js?v=3f2a9c1d0e" */
  url(name: FieldFile): string;
  /** The version of the whole shell (the service worker's cache name). */
  version: string;
  serve(c: Context, name: FieldFile | "sw.js"): Response;
};

export type FieldFile = "app.js" | "app.css" | "icon.svg" | "icon-192.png" | "icon-512.png";
const FILES: FieldFile[] = ["app.js", "app.css", "icon.svg", "icon-192.png", "icon-512.png"];

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex").slice(0, 10);

function asset(name: string, raw: Buffer): Asset {
  const ext = path.extname(name);
  const a: Asset = { type: TYPES[ext] ?? "application/octet-stream", raw, hash: sha(raw) };
  if (ext !== ".png") {
    a.gzip = gzipSync(raw, { level: 9 });
    a.br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  }
  return a;
}

export function loadFieldAssets(dir = FIELD_DIR): FieldAssets {
  const byName = new Map<string, Asset>();
  for (const name of FILES) {
    const file = path.join(dir, name);
    if (existsSync(file)) byName.set(name, asset(name, readFileSync(file)));
  }
  const url = (name: FieldFile) => {
    const a = byName.get(name);
    if (!a) throw new Error(`field asset missing: ${name}`);
    return `/field/${name}?v=${a.hash}`;
  };
  const version = sha([...byName.values()].map((a) => a.hash).join(".") + readFileSync(path.join(dir, "sw.js"), "utf8"));
  // The shell the service worker keeps: the page, its script, style and icon (the manifest is fetched online only).
  const shell = ["/field", url("app.js"), url("app.css"), url("icon.svg")];
  const sw = asset(
    "sw.js",
    Buffer.from(`const VERSION = "${version}";\nconst SHELL = ${JSON.stringify(shell)};\n${readFileSync(path.join(dir, "sw.js"), "utf8")}`),
  );
  byName.set("sw.js", sw);

  return {
    url,
    version,
    serve(c, name) {
      const a = byName.get(name);
      if (!a) return c.notFound() as Response;
      const headers: Record<string, string> = { "content-type": a.type, etag: `"${a.hash}"`, vary: "accept-encoding" };
      if (name === "sw.js") {
        // The worker is checked for updates on every visit; its scope is /field (the page) and not only /field/.
        headers["cache-control"] = "no-cache";
        headers["service-worker-allowed"] = "/field";
      } else {
        // Only the current version is kept for a year; another ?v= gets the current bytes, revalidated.
        headers["cache-control"] = c.req.query("v") === a.hash ? "public, max-age=31536000, immutable" : "no-cache";
      }
      if (c.req.header("if-none-match") === headers.etag) return c.body(null, 304, headers);
      const accept = c.req.header("accept-encoding") ?? "";
      let body = a.raw;
      if (a.br && /\bbr\b/.test(accept)) {
        body = a.br;
        headers["content-encoding"] = "br";
      } else if (a.gzip && /\bgzip\b/.test(accept)) {
        body = a.gzip;
        headers["content-encoding"] = "gzip";
      }
      return c.body(new Uint8Array(body), 200, headers);
    },
  };
}
