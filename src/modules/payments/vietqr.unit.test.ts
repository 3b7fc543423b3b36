import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BILL_NUMBER_MAX, PURPOSE_MAX, buildVietQr, crc16, parseTlv, readVietQr, toQrText, verifyCrc, vietQrPngDataUrl, vietQrSvg } from "./vietqr.ts";

const NAPAS_EXAMPLE =
  "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";

function payload(input: Parameters<typeof buildVietQr>[0]): string {
  const r = buildVietQr(input);
  if (!r.ok) throw new Error(`unexpected ${r.code}`);
  return r.payload;
}

describe("buildVietQr", () => {
  it("reproduces NAPAS's own example byte for byte", () => {
    const p = payload({
      bin: "970403",
      account: "0011012345678",
      service: "QRIBFTTA",
      amountVnd: 180000,
      billNumber: "NPS6869",
      purpose: "thanh toan don hang",
    });
    expect(p).toBe(NAPAS_EXAMPLE);
  });

  it("makes a static code without an amount", () => {
    const p = payload({ bin: "970436", account: "1234567890" });
    expect(p.startsWith("000201010211")).toBe(true);
    const top = parseTlv(p);
    expect(top.ok && top.entries.map((e) => e.id)).toEqual(["00", "01", "38", "53", "58", "63"]);
    expect(verifyCrc(p)).toBe(true);
  });

  it("folds Vietnamese in the purpose and caps its length", () => {
    expect(toQrText("Nộp phí hồ sơ HS-2026-000123 – Đặng Thị Ánh", 100)).toBe("Nop phi ho so HS-2026-000123 Dang Thi Anh");
    expect(toQrText("đường\u0111\tphố ✓ ", 100)).toBe("duongd pho");
    const long = payload({ bin: "970403", account: "1", amountVnd: 5, purpose: "HS-1 ".repeat(40), billNumber: "X".repeat(40) });
    const fields = readVietQr(long);
    expect(fields?.purpose?.length).toBeLessThanOrEqual(PURPOSE_MAX);
    expect(fields?.billNumber).toBe("X".repeat(BILL_NUMBER_MAX));
  });

  it("refuses a bad BIN, account or amount", () => {
    expect(buildVietQr({ bin: "97040", account: "1" })).toEqual({ ok: false, code: "bin" });
    expect(buildVietQr({ bin: "970403", account: "" })).toEqual({ ok: false, code: "account" });
    expect(buildVietQr({ bin: "970403", account: "0011 0123" })).toEqual({ ok: false, code: "account" });
    expect(buildVietQr({ bin: "970403", account: "1".repeat(20) })).toEqual({ ok: false, code: "account" });
    for (const amountVnd of [-1, 1.5, Number.NaN, 1e13]) expect(buildVietQr({ bin: "970403", account: "1", amountVnd })).toEqual({ ok: false, code: "amount" });
  });

  it("round-trips any valid input and its CRC holds", () => {
    const input = fc.record({
      bin: fc.stringMatching(/^\d{6}$/),
      account: fc.stringMatching(/^[0-9A-Za-z]{1,19}$/),
      service: fc.constantFrom("QRIBFTTA" as const, "QRIBFTTC" as const),
      amountVnd: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      billNumber: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      purpose: fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("Lệ phí chứng thực HS-2026-000042", "Đóng phí đăng ký kết hôn")), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(input, (x) => {
        const p = payload(x);
        expect(verifyCrc(p)).toBe(true);
        const bill = toQrText(x.billNumber ?? "", BILL_NUMBER_MAX);
        const purpose = toQrText(x.purpose ?? "", PURPOSE_MAX);
        expect(readVietQr(p)).toEqual({
          bin: x.bin,
          account: x.account,
          service: x.service,
          amountVnd: x.amountVnd,
          billNumber: bill || undefined,
          purpose: purpose || undefined,
        });
        expect(/^[\x20-\x7e]+$/.test(p)).toBe(true);
      }),
    );
  });
});

describe("parseTlv and verifyCrc", () => {
  it("parses the example's nested fields", () => {
    const top = parseTlv(NAPAS_EXAMPLE);
    expect(top.ok && top.entries.find((e) => e.id === "54")).toEqual({ id: "54", value: "180000" });
    expect(readVietQr(NAPAS_EXAMPLE)).toEqual({
      bin: "970403",
      account: "0011012345678",
      service: "QRIBFTTA",
      amountVnd: 180000,
      billNumber: "NPS6869",
      purpose: "thanh toan don hang",
    });
  });

  it("refuses truncated or altered payloads", () => {
    expect(parseTlv("0002010")).toEqual({ ok: false, code: "malformed" });
    expect(parseTlv("00AB01")).toEqual({ ok: false, code: "malformed" });
    expect(verifyCrc(NAPAS_EXAMPLE.replace("180000", "190000"))).toBe(false);
    expect(verifyCrc(NAPAS_EXAMPLE.slice(0, -8))).toBe(false);
    expect(readVietQr(NAPAS_EXAMPLE.replace("180000", "190000"))).toBeUndefined();
  });

  it('computes CRC-16/CCITT-FALSE (check value of "123456789" is 29B1)', () => {
    expect(crc16("123456789")).toBe("29B1");
  });
});

describe("rendering", () => {
  it("renders an accessible SVG", async () => {
    const svg = await vietQrSvg(NAPAS_EXAMPLE, 'Mã VietQR "HS-1" <180.000 ₫>');
    expect(svg).toMatch(/^<svg role="img" aria-label="Mã VietQR &quot;HS-1&quot; &lt;180.000 ₫&gt;" /);
    expect(svg).toContain("<path");
  });

  it("renders a PNG data URL", async () => {
    const url = await vietQrPngDataUrl(NAPAS_EXAMPLE);
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    const png = Buffer.from(url.slice("data:image/png;base64,".length), "base64");
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(300); // IHDR width
  });
});
