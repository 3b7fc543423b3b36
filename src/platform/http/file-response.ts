// Stored files sent back to the browser as downloads.
import type { Context } from "hono";

/** Even opened from the download bar or in a frame, an uploaded file runs no script, loads nothing, in our origin. */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/**
 * A stored file as a download: its own type, never sniffed by the browser, never shown inline, sandboxed, never
 * kept by any cache. Built through the context so that the headers every answer carries (request id, …) come too.
 */
export function fileResponse(c: Context, file: { name: string; mediaType: string; content: Buffer }): Response {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return c.body(new Uint8Array(file.content), 200, {
    "content-type": file.mediaType,
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": DOWNLOAD_CSP,
  });
}
