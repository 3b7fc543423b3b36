// The photo addresses: the public copy (and ?w=320, its thumbnail), the reporter's and the officers' views of it,
// and the original as received. The copies are JPEGs we made (no metadata), sent inline with an ETag; a copy the
// browser already has answers 304 without reading the bytes from the database.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { notFound } from "../../../../platform/http/app-error.ts";
import { fileResponse } from "../../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { getFollowPhoto, getOfficePhoto, getOriginalPhoto, getPublicPhoto, type PhotoFile, type PhotoVariant } from "../../use-cases/photo-read.ts";

/**
 * Browsers keep a public photo a day; shared caches (a proxy, a CDN) only ten minutes, so that a photo an officer
 * hides stops being served to other people soon. Private views (possibly a hidden photo) are kept by no cache, as
 * every answer that may hold personal data (test/integration/personal-data-reads.test.ts).
 */
export const PUBLIC_PHOTO_CACHE = "public, max-age=86400, s-maxage=600";
export const PRIVATE_PHOTO_CACHE = "private, no-store";

/** `<uuid>.jpg` → the id; anything else is not one of our addresses. */
function photoIdOf(file: string | undefined): string {
  const m = /^([0-9a-f-]{36})\.jpg$/i.exec(file ?? "");
  if (!m) throw notFound();
  return m[1]!.toLowerCase();
}

/** `?w=320` (or any width up to it) is the stored thumbnail; anything else, the 1600-px copy. */
function variantOf(c: Context<AppEnv>): PhotoVariant {
  const w = Number.parseInt(c.req.query("w") ?? "", 10);
  return Number.isFinite(w) && w > 0 && w <= 320 ? "thumb" : "full";
}

async function photoResponse(c: Context<AppEnv>, file: PhotoFile, cacheControl: string, scope: "public" | "private"): Promise<Response> {
  const etag = `"${file.meta.sha256}"`;
  const headers = {
    "cache-control": cacheControl,
    // A public photo may be shown by another site (an Open311 client's media_url); a private view never.
    "cross-origin-resource-policy": scope === "public" ? "cross-origin" : "same-origin",
    etag,
    "x-content-type-options": "nosniff",
    // Shown in a page of ours only; opened on its own it runs nothing.
    "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  };
  const match = c.req.header("if-none-match");
  if (match?.split(",").some((v) => v.trim().replace(/^W\//, "") === etag)) return c.body(null, 304, headers);
  const content = (await file.load()).content;
  return c.body(new Uint8Array(content), 200, { ...headers, "content-type": "image/jpeg", "content-disposition": "inline" });
}

export function photoFilePages(kit: PageKit) {
  const { deps } = kit;
  return {
    /** GET /reports/photos/:file */
    publicCopy: async (c: Context<AppEnv>) =>
      photoResponse(c, await getPublicPhoto(deps, photoIdOf(c.req.param("file")), variantOf(c)), PUBLIC_PHOTO_CACHE, "public"),

    /** GET /reports/follow/:code/:token/photos/:file */
    followCopy: async (c: Context<AppEnv>) => {
      const file = await getFollowPhoto(deps, {
        code: c.req.param("code") ?? "",
        token: c.req.param("token") ?? "",
        photoId: photoIdOf(c.req.param("file")),
        variant: variantOf(c),
      });
      return photoResponse(c, file, PRIVATE_PHOTO_CACHE, "private");
    },

    /** GET /office/reports/photos/:file */
    officeCopy: async (c: Context<AppEnv>) => {
      const p = requireSignedIn(c);
      return photoResponse(c, await getOfficePhoto(deps, p, photoIdOf(c.req.param("file")), variantOf(c)), PRIVATE_PHOTO_CACHE, "private");
    },

    /** GET /office/reports/photos/:id/original: a download, never cached (it may carry the GPS position). */
    original: async (c: Context<AppEnv>) => {
      requireSignedIn(c);
      return fileResponse(c, await getOriginalPhoto(deps, ctxOf(c), c.req.param("id") ?? ""));
    },
  };
}
