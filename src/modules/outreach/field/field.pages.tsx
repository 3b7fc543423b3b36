// Pages of outreach: the offline field app (PWA). Routes only; each page is its own file.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { type FieldAssets, type FieldFile, loadFieldAssets } from "./field-assets.ts";
import { fieldManifest } from "./pages/field-manifest.ts";
import { fieldShell } from "./pages/field-shell.tsx";

// Read and compressed once per process (tests build many apps).
let assets: FieldAssets | null = null;

export function registerFieldPages(app: Hono<AppEnv>, web: WebContext) {
  assets ??= loadFieldAssets();
  const a = assets;
  for (const name of ["app.js", "app.css", "icon.svg", "icon-192.png", "icon-512.png", "sw.js"] as const satisfies readonly (FieldFile | "sw.js")[]) {
    app.get(`/field/${name}`, (c) => a.serve(c, name));
  }
  app.get("/field/manifest.webmanifest", (c) => fieldManifest(c, a));
  app.get("/field/", (c) => c.redirect("/field", 301));
  app.get("/field", (c) => fieldShell(c, web, a));
}
