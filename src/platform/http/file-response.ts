// Stored files sent back to the browser as downloads.

/** A stored file as a download: its own type, never sniffed by the browser, never shown inline, never cached by a shared cache. */
export function fileResponse(file: { name: string; mediaType: string; content: Buffer }): Response {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
