// GET /notices/n/:id/files/:fileId and /notices/n/:id/audio: a public notice's attachment (a download) and its
// loudspeaker audio (inline, for the page's player, with byte ranges so that players can seek). Types come from the
// stored file (sniffed at upload), never guessed by the browser; both run nothing when opened on their own.
import type { Context } from "hono";
import { DOWNLOAD_CSP } from "../../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { toAsciiText } from "../../../../platform/text/ascii-text.ts";
import { getPublicAttachment, getPublicNoticeAudio } from "../../use-cases/public-file.ts";

/** Public files change only when an officer replaces them (a new file id): browsers keep them an hour, proxies ten minutes. */
export const PUBLIC_FILE_CACHE = "public, max-age=3600, s-maxage=600";

const disposition = (kind: "attachment" | "inline", name: string) => {
  // Old clients read only filename=: the name without diacritics ("Sơ đồ.pdf" → "So do.pdf").
  const ascii = toAsciiText(name, 150).replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

const matches = (c: Context, etag: string) =>
  !!c.req
    .header("if-none-match")
    ?.split(",")
    .some((v) => v.trim().replace(/^W\//, "") === etag);

/** "bytes=a-b", "bytes=a-" or "bytes=-n" against a file of `size` bytes: the range, "bad" (416), or null (whole file). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | "bad" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges (multipart/byteranges) are rare for audio: the whole file answers them.
  if (!m) return header.includes(",") ? null : "bad";
  const [, a, b] = m as unknown as [string, string, string];
  if (a === "" && b === "") return "bad";
  let start: number;
  let end: number;
  if (a === "") {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return "bad";
  return { start, end };
}

export function noticeFilePages(kit: PageKit) {
  const { deps } = kit;
  return {
    attachment: async (c: Context<AppEnv>) => {
      const file = await getPublicAttachment(deps, c.req.param("id") ?? "", c.req.param("fileId") ?? "");
      const etag = `"${file.meta.sha256}"`;
      const headers = {
        "cache-control": PUBLIC_FILE_CACHE,
        etag,
        "x-content-type-options": "nosniff",
        "content-security-policy": DOWNLOAD_CSP,
      };
      if (matches(c, etag)) return c.body(null, 304, headers);
      const content = (await file.load()).content;
      return c.body(new Uint8Array(content), 200, {
        ...headers,
        "content-type": file.meta.mediaType,
        "content-disposition": disposition("attachment", file.name),
      });
    },

    audio: async (c: Context<AppEnv>) => {
      const file = await getPublicNoticeAudio(deps, c.req.param("id") ?? "");
      const etag = `"${file.meta.sha256}"`;
      const headers: Record<string, string> = {
        "cache-control": PUBLIC_FILE_CACHE,
        etag,
        "accept-ranges": "bytes",
        "x-content-type-options": "nosniff",
        "content-security-policy": DOWNLOAD_CSP,
        "content-type": file.mime,
        "content-disposition": disposition("inline", file.name),
      };
      if (matches(c, etag)) return c.body(null, 304, headers);
      const content = (await file.load()).content;
      // If-Range: a range only of the copy the player already has part of.
      const ifRange = c.req.header("if-range");
      const range = ifRange && ifRange !== etag ? null : parseRange(c.req.header("range"), content.length);
      if (range === "bad") return c.body(null, 416, { ...headers, "content-range": `bytes */${content.length}` });
      if (!range) return c.body(new Uint8Array(content), 200, headers);
      const part = content.subarray(range.start, range.end + 1);
      return c.body(new Uint8Array(part), 206, { ...headers, "content-range": `bytes ${range.start}-${range.end}/${content.length}` });
    },
  };
}
