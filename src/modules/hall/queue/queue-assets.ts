// The kiosk's own stylesheet and script (public/hall/), served from our origin with a content hash; the CSP allows
// no inline style or script.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Context } from "hono";
import { PUBLIC_DIR, type ServedFile, sendFile, servedFile } from "../../../platform/http/static-assets.ts";

export const QUEUE_ASSETS_BASE = "/hall/queue-assets";
export type QueueFile = "kiosk.css" | "kiosk.js" | "ticket.js";

export type QueueAssets = { url(name: QueueFile): string; serve(c: Context, name: string): Response };

export function loadQueueAssets(): QueueAssets {
  const byName = new Map<string, ServedFile>();
  for (const name of ["kiosk.css", "kiosk.js", "ticket.js"] as const)
    byName.set(name, servedFile(name, readFileSync(path.join(PUBLIC_DIR, "hall", name))) as ServedFile);
  return {
    url: (name) => `${QUEUE_ASSETS_BASE}/${name}?v=${(byName.get(name) as ServedFile).hash}`,
    serve(c, name) {
      const a = byName.get(name);
      if (!a) return c.notFound() as Response;
      return sendFile(c, a, c.req.query("v") === a.hash ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    },
  };
}
