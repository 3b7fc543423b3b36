import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import sharp, { type Sharp } from "sharp";
import { describe, expect, it } from "vitest";
import { decodeHeic } from "./image-heic.ts";
import { claimedTypes, DEFAULT_IMAGE_LIMITS, IMAGE_FAILURE_STATUS, ImageRejected, processImage } from "./image-pipeline.ts";

const HEIC = new Uint8Array(readFileSync(new URL("../../../test/fixtures/images/red-blue-64x48.heic", import.meta.url)));
const RED = [220, 30, 30];
const BLUE = [30, 30, 220];

/** Left half red, right half blue: where the colours land tells the orientation. */
function halves(width: number, height: number): Sharp {
  const buf = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) buf.set(x < width / 2 ? RED : BLUE, (y * width + x) * 3);
  return sharp(buf, { raw: { width, height, channels: 3 } });
}
const GPS_EXIF = {
  IFD0: { Make: "XaSo test", Model: "phone", DateTime: "2026:12:01 08:00:00" },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "21/1 0/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "105/1 0/1 0/1" },
};
const jpegWithGps = async (w = 64, h = 48) => new Uint8Array(await halves(w, h).jpeg().withExif(GPS_EXIF).toBuffer());

async function pixel(jpeg: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]!) < 40);

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImageRejected) return err.reason;
    throw err;
  }
  throw new Error("expected the image to be refused");
}

/** A real decompression bomb: a 1-bit grey PNG of side × side pixels, all black, deflated to a few kilobytes. */
function pngBomb(side: number): Uint8Array {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, "ascii"), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([1, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]));
}

describe("processImage", () => {
  it("strips every metadata field (GPS, camera, time) from the public copy and the thumbnail", async () => {
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await processImage(input, { name: "IMG_0001.JPG", contentType: "image/jpeg" });
    for (const copy of [out.publicJpeg, out.thumbJpeg]) {
      const meta = await sharp(copy).metadata();
      expect(meta.format).toBe("jpeg");
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(Buffer.from(copy).includes("XaSo test")).toBe(false);
    }
    expect(out).toMatchObject({ mediaType: "image/jpeg", width: 64, height: 48 });
  });

  it("turns the photo upright from its EXIF orientation and drops the tag", async () => {
    // Orientation 6: stored sideways, shown turned 90° clockwise: the stored left (red) becomes the top.
    const input = new Uint8Array(await halves(64, 48).jpeg().withMetadata({ orientation: 6 }).toBuffer());
    const out = await processImage(input, { name: "sideways.jpg", contentType: null });
    expect([out.width, out.height]).toEqual([48, 64]);
    expect((await sharp(out.publicJpeg).metadata()).orientation).toBeUndefined();
    expect(near(await pixel(out.publicJpeg, 24, 5), RED)).toBe(true);
    expect(near(await pixel(out.publicJpeg, 24, 58), BLUE)).toBe(true);
  });

  it("downsizes to fit 1600 px and makes a 320 px thumbnail, never enlarging a small photo", async () => {
    const big = await processImage(new Uint8Array(await halves(3200, 2400).jpeg({ quality: 60 }).toBuffer()), { name: "big.jpg", contentType: "image/jpeg" });
    expect([big.width, big.height]).toEqual([1600, 1200]);
    const thumb = await sharp(big.thumbJpeg).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    const tall = await processImage(new Uint8Array(await halves(900, 2400).png().toBuffer()), { name: "tall.png", contentType: "image/png" });
    expect([tall.width, tall.height]).toEqual([600, 1600]);
    const small = await processImage(await jpegWithGps(64, 48), { name: "small.jpg", contentType: null });
    expect([small.width, small.height]).toEqual([64, 48]);
  });

  it("decodes HEIC from an iPhone (sharp alone cannot: no HEVC decoder) and keeps none of its EXIF", async () => {
    await expect(
      sharp(HEIC)
        .metadata()
        .then(() => sharp(HEIC).toBuffer()),
    ).rejects.toThrow();
    expect(Buffer.from(HEIC).includes("XaSo test")).toBe(true);
    const out = await processImage(HEIC, { name: "IMG_1234.HEIC", contentType: "image/heif" });
    expect(out).toMatchObject({ mediaType: "image/heic", width: 64, height: 48 });
    const meta = await sharp(out.publicJpeg).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(out.publicJpeg).includes("XaSo test")).toBe(false);
    expect(near(await pixel(out.publicJpeg, 5, 24), RED)).toBe(true);
    expect(near(await pixel(out.publicJpeg, 58, 24), BLUE)).toBe(true);
  });

  it("turns a transparent PNG into a JPEG on white", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
        .png()
        .toBuffer(),
    );
    const out = await processImage(png, { name: "logo.png", contentType: "image/png" });
    expect(near(await pixel(out.publicJpeg, 10, 10), [255, 255, 255])).toBe(true);
  });

  it("refuses an empty file (400), one too large (413) and one that is not a JPEG, PNG or HEIC (415)", async () => {
    expect(await rejection(processImage(new Uint8Array(), { name: "a.jpg", contentType: "image/jpeg" }))).toBe("empty");
    const input = await jpegWithGps();
    expect(await rejection(processImage(input, { name: "a.jpg", contentType: null }, { ...DEFAULT_IMAGE_LIMITS, maxBytes: input.byteLength - 1 }))).toBe(
      "tooLarge",
    );
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    expect(await rejection(processImage(pdf, { name: "a.pdf", contentType: "application/pdf" }))).toBe("type");
    const gif = new Uint8Array(await halves(8, 8).gif().toBuffer());
    expect(await rejection(processImage(gif, { name: "a.gif", contentType: "image/gif" }))).toBe("type");
    expect(await rejection(processImage(new TextEncoder().encode("just some text"), { name: "a.jpg", contentType: "image/jpeg" }))).toBe("type");
    expect([IMAGE_FAILURE_STATUS.empty, IMAGE_FAILURE_STATUS.tooLarge, IMAGE_FAILURE_STATUS.type, IMAGE_FAILURE_STATUS.mismatch]).toEqual([400, 413, 415, 415]);
  });

  it("refuses bytes of another type than the name or the Content-Type claim (415), accepts what claims nothing", async () => {
    const jpeg = await jpegWithGps();
    expect(await rejection(processImage(jpeg, { name: "photo.png", contentType: null }))).toBe("mismatch");
    expect(await rejection(processImage(jpeg, { name: "photo", contentType: "image/png" }))).toBe("mismatch");
    expect(await rejection(processImage(jpeg, { name: "report.pdf", contentType: "application/pdf" }))).toBe("mismatch");
    expect(await rejection(processImage(HEIC, { name: "IMG.jpg", contentType: "image/jpeg" }))).toBe("mismatch");
    await expect(processImage(jpeg, { name: "photo", contentType: "application/octet-stream" })).resolves.toMatchObject({ mediaType: "image/jpeg" });
    await expect(processImage(jpeg, { name: "photo.JPEG", contentType: "image/jpg" })).resolves.toMatchObject({ mediaType: "image/jpeg" });
    await expect(processImage(jpeg, { name: "anh chup.unknownext", contentType: "" })).resolves.toMatchObject({ mediaType: "image/jpeg" });
    expect(claimedTypes("C:\\fakepath\\IMG.HEIC", "image/heif")).toEqual(["image/heic", "image/heic"]);
  });

  it("refuses a decompression bomb from its header, before decoding, and a damaged file", async () => {
    // 20,000 × 20,000 = 400 megapixels in a few tens of kilobytes.
    const bomb = pngBomb(20_000);
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect(await rejection(processImage(bomb, { name: "bomb.png", contentType: "image/png" }))).toBe("tooManyPixels");
    expect(await rejection(processImage(HEIC, { name: "a.heic", contentType: null }, { ...DEFAULT_IMAGE_LIMITS, maxPixels: 1000 }))).toBe("tooManyPixels");
    const jpeg = await jpegWithGps(200, 200);
    expect(await rejection(processImage(jpeg.slice(0, Math.floor(jpeg.byteLength / 2)), { name: "cut.jpg", contentType: null }))).toBe("corrupt");
    const heicCut = HEIC.slice(0, 200);
    expect(await rejection(processImage(heicCut, { name: "cut.heic", contentType: null }))).toBe("corrupt");
  });
});

describe("decodeHeic", () => {
  it("stops a decoding that takes longer than allowed", async () => {
    await expect(decodeHeic(HEIC, { maxPixels: 1e6, timeoutMs: 1 })).rejects.toMatchObject({ reason: "timeout" });
    await expect(decodeHeic(HEIC, { maxPixels: 1e6, timeoutMs: 10_000 })).resolves.toMatchObject({ width: 64, height: 48 });
  });
});
