// Stored files sent back to the browser as downloads.
import type { Context } from "hono";

/**
 * A stored file as a download: its own type, never sniffed by the browser, never shown inline, never cached by a
 * shared cache. Built through the context so that the headers every answer carries (security, request id) come too.
 */
export function fileResponse(c: Context, file: { name: string; mediaType: string; content: Buffer }): Response {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return c.body(new Uint8Array(file.content), 200, {
    "content-type": file.mediaType,
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
}
