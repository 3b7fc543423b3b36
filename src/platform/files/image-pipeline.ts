// Photos from people's phones and old PCs made safe to publish: JPEG, PNG or HEIC/HEIF recognised by their bytes,
// checked against the type they claim, decoded within limits of pixels and time (decompression bombs, huge HEIC),
// turned upright from their EXIF orientation, downsized and re-encoded as JPEG with every metadata field dropped
// (GPS position, camera, time): the public copy and a thumbnail for lists. The original is the caller's to keep.
import type { Sharp } from "sharp";
import { lazyImport } from "../lazy-import.ts";
import { decodeHeic, HeicDecodeError } from "./image-heic.ts";

export const IMAGE_MEDIA_TYPES = ["image/jpeg", "image/png", "image/heic", "image/heif"] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/**
 * Why a file was refused, with the HTTP status each maps to: empty 400, too large 413 (bytes, pixels or decoding
 * time), not one of our image types 415, bytes of another type than claimed 415, unreadable image 400.
 */
export type ImageFailure = "empty" | "tooLarge" | "tooManyPixels" | "timeout" | "type" | "mismatch" | "corrupt";
export const IMAGE_FAILURE_STATUS: Readonly<Record<ImageFailure, 400 | 413 | 415>> = {
  empty: 400,
  tooLarge: 413,
  tooManyPixels: 413,
  timeout: 413,
  type: 415,
  mismatch: 415,
  corrupt: 400,
};

export class ImageRejected extends Error {
  constructor(
    readonly reason: ImageFailure,
    /** What the bytes are, when known (for a message: "this file is a PDF"). */
    readonly detected: string | null = null,
  ) {
    super(`image rejected: ${reason}`);
    this.name = "ImageRejected";
  }
}

export type ImageLimits = {
  maxBytes: number;
  /** Width × height of the source; sharp reads it from the header, before decoding (decompression bombs). */
  maxPixels: number;
  /** The longest side of the public copy. */
  maxSide: number;
  thumbSide: number;
  timeoutMs: number;
};

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 10 * 1024 * 1024,
  // 50 megapixels: a 48 MP phone camera passes, a 20,000 × 20,000 "bomb" of a few kilobytes does not.
  maxPixels: 50_000_000,
  maxSide: 1600,
  thumbSide: 320,
  timeoutMs: 20_000,
};

export type ProcessedImage = {
  /** What the bytes are (never what the name or the browser said). */
  mediaType: ImageMediaType;
  /** Upright, at most maxSide on its longest side, JPEG, no metadata at all. */
  publicJpeg: Uint8Array;
  width: number;
  height: number;
  /** The same, at most thumbSide. */
  thumbJpeg: Uint8Array;
};

// What a name's extension or a part's Content-Type says. Only types we can tell apart count: an unknown extension
// or application/octet-stream (what old browsers send for anything) claims nothing.
const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  jpe: "image/jpeg",
  jfif: "image/jpeg",
  png: "image/png",
  heic: "image/heic",
  heif: "image/heic",
  hif: "image/heic",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  tif: "image/tiff",
  tiff: "image/tiff",
  svg: "image/svg+xml",
  pdf: "application/pdf",
  txt: "text/plain",
  html: "text/html",
  htm: "text/html",
  zip: "application/zip",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  exe: "application/x-msdownload",
  mp4: "video/mp4",
  mov: "video/quicktime",
};
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/heif": "image/heic",
  "image/heic-sequence": "image/heic",
  "image/heif-sequence": "image/heic",
  "image/x-png": "image/png",
};
const IGNORED_CLAIMS = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

const canonical = (mediaType: string): string => {
  const m = mediaType.split(";")[0]!.trim().toLowerCase();
  return TYPE_ALIASES[m] ?? m;
};

/** The types a file claims to be, from its name's extension and its Content-Type (both, when both say something). */
export function claimedTypes(name: string, contentType: string | null): string[] {
  const out: string[] = [];
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name.trim())?.[1]?.toLowerCase();
  if (ext && EXTENSION_TYPES[ext]) out.push(EXTENSION_TYPES[ext]);
  const ct = contentType ? canonical(contentType) : "";
  if (!IGNORED_CLAIMS.has(ct)) out.push(ct);
  return out;
}

// Loaded on the first photo, not with the app (lazy-import.ts).
const loadFileType = lazyImport(() => import("file-type"));
const loadSharp = lazyImport(async () => (await import("sharp")).default);

/** The image type of the bytes, or why it is not one of ours (without decoding anything). */
export async function sniffImage(
  bytes: Uint8Array,
  claim: { name: string; contentType: string | null },
  limits: Pick<ImageLimits, "maxBytes">,
): Promise<ImageMediaType> {
  if (bytes.byteLength === 0) throw new ImageRejected("empty");
  if (bytes.byteLength > limits.maxBytes) throw new ImageRejected("tooLarge");
  const { fileTypeFromBuffer } = await loadFileType();
  const detected = (await fileTypeFromBuffer(bytes))?.mime ?? null;
  const mediaType = IMAGE_MEDIA_TYPES.find((t) => t === detected);
  if (!mediaType) throw new ImageRejected("type", detected);
  const family = canonical(mediaType);
  if (claimedTypes(claim.name, claim.contentType).some((c) => c !== family)) throw new ImageRejected("mismatch", mediaType);
  return mediaType;
}

/** Checks, decodes and converts one photo. Throws ImageRejected; anything else is a fault of ours. */
export async function processImage(
  bytes: Uint8Array,
  claim: { name: string; contentType: string | null },
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
): Promise<ProcessedImage> {
  const mediaType = await sniffImage(bytes, claim, limits);
  const sharp = await loadSharp();
  const started = Date.now();
  let source: Sharp;
  if (mediaType === "image/heic" || mediaType === "image/heif") {
    let raw: Awaited<ReturnType<typeof decodeHeic>>;
    try {
      raw = await decodeHeic(bytes, { maxPixels: limits.maxPixels, timeoutMs: limits.timeoutMs });
    } catch (err) {
      if (err instanceof HeicDecodeError) throw new ImageRejected(err.reason, mediaType);
      throw err;
    }
    // Already upright (libheif applies the file's rotation); raw pixels carry no metadata to strip.
    source = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } });
  } else {
    // The header alone says how many pixels decoding would make: a bomb is refused before any of them exists.
    const header = await sharp(bytes, { limitInputPixels: false })
      .metadata()
      .catch(() => null);
    if (!header?.width || !header.height) throw new ImageRejected("corrupt", mediaType);
    if (header.width * header.height > limits.maxPixels) throw new ImageRejected("tooManyPixels", mediaType);
    // failOn "error": a truncated or damaged file is refused rather than published half grey.
    source = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: "error", sequentialRead: true }).autoOrient();
  }
  const remainingSeconds = () => Math.max(1, Math.ceil((limits.timeoutMs - (Date.now() - started)) / 1000));
  // Transparent PNG areas become white, not black; no withMetadata()/keepExif(): sharp drops every field.
  const encode = (side: number, quality: number) =>
    source
      .clone()
      .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality, mozjpeg: true })
      .timeout({ seconds: remainingSeconds() })
      .toBuffer({ resolveWithObject: true });
  try {
    const full = await encode(limits.maxSide, 80);
    const thumb = await encode(limits.thumbSide, 70);
    return { mediaType, publicJpeg: new Uint8Array(full.data), width: full.info.width, height: full.info.height, thumbJpeg: new Uint8Array(thumb.data) };
  } catch (err) {
    throw new ImageRejected(sharpFailure(err), mediaType);
  }
}

function sharpFailure(err: unknown): ImageFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return "tooManyPixels";
  if (/timeout/i.test(message)) return "timeout";
  return "corrupt";
}
