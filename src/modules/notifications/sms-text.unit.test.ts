import { describe, expect, it } from "vitest";
import { countSmsSegments, toGsm7, toSmsText } from "./sms-text.ts";

describe("toGsm7", () => {
  it("strips every Vietnamese diacritic, including đ and Đ", () => {
    expect(toGsm7("Đăng ký khai sinh – Ủy ban nhân dân xã Gia Phú, đường Nguyễn Huệ")).toBe("Dang ky khai sinh - Uy ban nhan dan xa Gia Phu, duong Nguyen Hue");
    expect(toGsm7("ẮẰẲẴẶ ắằẳẵặ ỨỪỬỮỰ ứừửữự ỐỒỔỖỘ ốồổỗộ ỳỷỹỵý")).toBe("AAAAA aaaaa UUUUU uuuuu OOOOO ooooo yyyyy");
  });

  it("also folds text already decomposed (NFD), as some keyboards send it", () => {
    expect(toGsm7("Hô\u0300 sơ".normalize("NFD"))).toBe("Ho so");
  });

  it("replaces typographic punctuation and anything outside GSM-7", () => {
    expect(toGsm7("“Hồ sơ” … ‘a’ •\u00a0x 中 😀")).toBe(`"Ho so" ... 'a' - x ? ?`);
  });

  it("keeps GSM-7 extension characters", () => {
    expect(toGsm7("{a}[b]~^|€\\")).toBe("{a}[b]~^|€\\");
  });
});

describe("countSmsSegments", () => {
  it("fits 160 GSM-7 septets in one part and 153 per part after that", () => {
    expect(countSmsSegments("")).toEqual({ encoding: "GSM-7", segments: 0 });
    expect(countSmsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1 });
    expect(countSmsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", segments: 2 });
    expect(countSmsSegments("a".repeat(306))).toEqual({ encoding: "GSM-7", segments: 2 });
    expect(countSmsSegments("a".repeat(307))).toEqual({ encoding: "GSM-7", segments: 3 });
  });

  it("counts an extension character as two septets and never splits it across parts", () => {
    expect(countSmsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", segments: 1 });
    expect(countSmsSegments(`${"a".repeat(159)}€`)).toEqual({ encoding: "GSM-7", segments: 2 });
    // 152 septets then a 2-septet character: it starts the second part, so 153 + 153 + 1.
    expect(countSmsSegments(`${"a".repeat(152)}€${"a".repeat(153)}`)).toEqual({ encoding: "GSM-7", segments: 3 });
  });

  it("shows why diacritics cost: the same sentence in UCS-2 takes 70 then 67 per part", () => {
    const vi = "Hồ sơ của ông/bà đã được tiếp nhận. ".repeat(3);
    expect(countSmsSegments(vi)).toEqual({ encoding: "UCS-2", segments: 2 });
    expect(countSmsSegments(toGsm7(vi))).toEqual({ encoding: "GSM-7", segments: 1 });
    expect(countSmsSegments("ồ".repeat(70))).toEqual({ encoding: "UCS-2", segments: 1 });
    expect(countSmsSegments("ồ".repeat(71))).toEqual({ encoding: "UCS-2", segments: 2 });
  });
});

describe("toSmsText", () => {
  it("returns short text converted, untruncated", () => {
    expect(toSmsText("Hồ sơ  H15.02923-250101-0001 \r\n\n đã tiếp\tnhận. ")).toEqual({
      text: "Ho so H15.02923-250101-0001\nda tiep nhan.",
      encoding: "GSM-7",
      segments: 1,
      truncated: false,
    });
  });

  it("shortens at a word boundary with '...' to fit maxSegments", () => {
    const long = `Đề nghị bổ sung giấy tờ sau đây trong thời hạn quy định ${"bản sao giấy khai sinh có chứng thực, ".repeat(10)}`;
    const r = toSmsText(long, { maxSegments: 1 });
    expect(r.truncated).toBe(true);
    expect(r.segments).toBe(1);
    expect(r.text.length).toBeLessThanOrEqual(160);
    expect(r.text.length).toBeGreaterThan(140);
    expect(r.text).toMatch(/^De nghi bo sung giay to sau day .*[a-z]\.\.\.$/);
    // Every word kept is whole.
    const words = toGsm7(long).split(/\s+/);
    for (const w of r.text.replace(/\.\.\.$/, "").split(" ")) expect(words).toContain(w);
  });

  it("never cuts the tokens the caller must keep, wherever they are", () => {
    const url = "https://xaso.vn/t/AB12CD";
    const text = `Hồ sơ H15-0001:\n${"rất dài ".repeat(40)}Tra cứu: ${url}`;
    const r = toSmsText(text, { maxSegments: 1, keep: ["H15-0001", url] });
    expect(r).toMatchObject({ segments: 1, truncated: true });
    expect(r.text).toMatch(/^Ho so H15-0001:\nrat dai rat dai (rat dai )+rat(?: dai)?\.\.\. https:\/\/xaso\.vn\/t\/AB12CD$/);
    expect(r.text.length).toBeGreaterThan(150);
  });

  it("keeps must-keep tokens even when they alone exceed the limit", () => {
    const code = "X".repeat(200);
    const r = toSmsText(`Ma ${code} qua dai`, { maxSegments: 1, keep: [code] });
    expect(r.text).toBe(`... ${code}...`);
    expect(r.segments).toBe(2);
    expect(r.truncated).toBe(true);
  });

  it("counts extension characters when deciding to shorten", () => {
    // Each "{}" is 4 septets: 31 of them, 30 spaces and "..." make 157; one more would not fit.
    const r = toSmsText("{} ".repeat(60), { maxSegments: 1 });
    expect(r).toEqual({ text: `${Array(31).fill("{}").join(" ")}...`, encoding: "GSM-7", segments: 1, truncated: true });
  });
});
