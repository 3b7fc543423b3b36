// One way to answer with a stored audio file: its sha256 as the ETag (a player re-polling sends If-None-Match).
import type { Context } from "hono";
import type { StoredFileContent } from "../../../platform/files/file-store.ts";

export function audioResponse(c: Context, f: StoredFileContent, cacheControl: string): Response {
  const etag = `"${f.sha256}"`;
  const headers = { etag, "cache-control": cacheControl, "content-type": f.mediaType, "x-content-type-options": "nosniff" };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(f.content), 200, {
    ...headers,
    "content-length": String(f.content.byteLength),
    "content-disposition": `inline; filename="${f.name}"`,
  });
}
