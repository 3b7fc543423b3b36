import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkUpload, uploadMessageParams } from "./sniff-upload.ts";

const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

const pdf = ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
// Signature, then an IHDR chunk for a 1×1 8-bit RGB image (CRC included).
const png = concat(
  Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  Uint8Array.of(0, 0, 0, 13, ...ascii("IHDR"), 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde),
);
// SOI, then an APP0 JFIF segment.
const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF"), 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9);
const limit = { maxBytes: 1024 };

describe("checkUpload", () => {
  it("detects PDF, PNG and JPEG from their bytes and hashes them", async () => {
    expect(await checkUpload(pdf, limit)).toEqual({
      ok: true,
      mediaType: "application/pdf",
      extension: "pdf",
      sha256: createHash("sha256").update(pdf).digest("hex"),
    });
    expect(await checkUpload(png, limit)).toMatchObject({ ok: true, mediaType: "image/png", extension: "png" });
    expect(await checkUpload(jpeg, limit)).toMatchObject({ ok: true, mediaType: "image/jpeg", extension: "jpg" });
  });

  it("goes by content only: whatever the name said, a PDF is a PDF", async () => {
    // checkUpload takes no name at all, so "scan.jpg" holding a PDF cannot pass as an image.
    expect(await checkUpload(pdf, { ...limit, allowed: ["image/jpeg", "image/png"] })).toEqual({ ok: false, code: "type" });
    expect(await checkUpload(pdf, { ...limit, allowed: ["application/pdf"] })).toMatchObject({ ok: true, mediaType: "application/pdf" });
  });

  it("refuses text, HTML and other known types", async () => {
    expect(await checkUpload(ascii("Đây là tệp văn bản, không phải PDF.\n"), limit)).toEqual({ ok: false, code: "type" });
    expect(await checkUpload(ascii("<!doctype html><script>alert(1)</script>"), limit)).toEqual({ ok: false, code: "type" });
    const gif = ascii("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    expect(await checkUpload(gif, limit)).toEqual({ ok: false, code: "type" });
  });

  it("refuses an empty file and one over the limit", async () => {
    expect(await checkUpload(new Uint8Array(0), limit)).toEqual({ ok: false, code: "empty" });
    const big = concat(pdf, new Uint8Array(1024));
    expect(await checkUpload(big, limit)).toEqual({ ok: false, code: "tooLarge" });
    expect(await checkUpload(big, { maxBytes: big.byteLength })).toMatchObject({ ok: true, mediaType: "application/pdf" });
  });
});

it("fills the message placeholders", () => {
  expect(uploadMessageParams({ maxBytes: 10 * 1_048_576 })).toEqual({ max: "10 MB", allowed: "PDF, JPG, PNG" });
  expect(uploadMessageParams({ maxBytes: 500 * 1024, allowed: ["application/pdf"] })).toEqual({ max: "500 KB", allowed: "PDF" });
});
