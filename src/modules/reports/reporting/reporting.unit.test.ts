// The report code (what a resident keeps and types), the private link's secret, and the national extent check.
import { describe, expect, it } from "vitest";
import { withinVietnam } from "./place-check.ts";
import { CODE_PATTERN, FOLLOW_TOKEN_PATTERN, hashFollowToken, newFollowToken, newReportCode, normaliseReportCode } from "./report-code.ts";

describe("report codes", () => {
  it("draws PA- and six characters none of which is read as another on a phone", () => {
    const codes = Array.from({ length: 2000 }, newReportCode);
    for (const c of codes) expect(c).toMatch(CODE_PATTERN);
    const suffixes = codes.map((c) => c.slice(3)).join("");
    expect(suffixes).not.toMatch(/[0OQD1IL2Z5S8BUV]/);
    // 21^6 = 85.8 million codes: 2,000 draws collide with a chance of about 2 %, so a few repeats at most.
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });

  it("reads a typed code whatever its case and separators", () => {
    expect(normaliseReportCode("pa 7k4-m9x")).toBe("PA-7K4M9X");
    expect(normaliseReportCode("7K4M9X")).toBe("PA-7K4M9X");
    expect(normaliseReportCode(" PA-7K4M9X ")).toBe("PA-7K4M9X");
  });

  it("keeps only a hash of the private link's secret, and a new secret each time", () => {
    const a = newFollowToken();
    const b = newFollowToken();
    expect(a).toMatch(FOLLOW_TOKEN_PATTERN);
    expect(a).not.toBe(b);
    expect(hashFollowToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashFollowToken(a)).not.toContain(a);
    expect(hashFollowToken(a)).toBe(hashFollowToken(a));
  });
});

describe("the national extent", () => {
  it.each([
    ["Hà Nội", 21.03, 105.85],
    ["Lũng Cú", 23.36, 105.32],
    ["Mũi Cà Mau", 8.6, 104.72],
    ["Côn Đảo", 8.68, 106.6],
    ["Trường Sa Lớn", 8.64, 111.92],
    ["Hoàng Sa (Phú Lâm)", 16.83, 112.33],
    ["A Pa Chải", 22.4, 102.15],
  ])("takes %s", (_name, lat, lon) => expect(withinVietnam(lat, lon)).toBe(true));

  it.each([
    ["Bangkok", 13.75, 100.5],
    ["Kunming", 25.04, 102.71],
    ["Manila", 14.6, 120.98],
    ["latitude and longitude swapped", 105.85, 21.03],
    ["Null Island", 0, 0],
  ])("refuses %s", (_name, lat, lon) => expect(withinVietnam(lat, lon)).toBe(false));
});
