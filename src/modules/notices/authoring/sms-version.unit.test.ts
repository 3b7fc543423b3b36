import { describe, expect, it } from "vitest";
import { countSmsSegments } from "../../notifications/index.ts";
import { checkSmsText, deriveSmsText, SMS_MAX_CHARS, smsKeepTokens } from "./sms-version.ts";

describe("the SMS version of a notice", () => {
  it("flattens title and body without diacritics, keeping links, dates, times and phones", () => {
    const v = deriveSmsText(
      "Lịch tiêm chủng",
      "Tiêm vắc-xin lúc **7h30** ngày 12/02/2026 tại trạm y tế.\n\n- Gọi 0912 345 678\n- Xem https://xaso.vn/notices/n/1",
    );
    expect(v).toMatchObject({ ok: true, shortened: false });
    expect(v.text).toBe("Lich tiem chung\nTiem vac-xin luc 7h30 ngay 12/02/2026 tai tram y te.\n- Goi 0912 345 678\n- Xem https://xaso.vn/notices/n/1");
    expect(countSmsSegments(v.text)).toEqual({ encoding: "GSM-7", segments: 1 });
  });

  it("lists every link and number as a token to keep", () => {
    expect(smsKeepTokens("Họp 14h00 ngày 3/4/2026, gọi 0912.345.678, https://a.vn/x?y=1 và 1.500.000 đồng")).toEqual([
      "https://a.vn/x?y=1",
      "14h00",
      "3/4/2026",
      "0912.345.678",
      "1.500.000",
    ]);
  });

  it("shortens a long body at its end, never cutting the link or the numbers", () => {
    const filler = "Bà con lưu ý mang theo giấy tờ tùy thân và đến đúng giờ để được phục vụ nhanh chóng. ".repeat(3);
    const v = deriveSmsText("Họp thôn", `Họp lúc 19h30 ngày 20/03/2026. Chi tiết: https://xaso.vn/n/abc. ${filler}`);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.shortened).toBe(true);
    expect(v.segments).toBeLessThanOrEqual(2);
    expect(v.text).toContain("19h30");
    expect(v.text).toContain("20/03/2026");
    expect(v.text).toContain("https://xaso.vn/n/abc");
    expect(v.text.endsWith("...")).toBe(true);
  });

  it("refuses a notice whose kept parts alone do not fit, saying how long it still is", () => {
    const numbers = Array.from({ length: 40 }, (_, i) => `09${String(12_345_600 + i)} ngày ${(i % 28) + 1}/03/2026`).join(", ");
    const v = deriveSmsText("Danh sách", numbers);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.chars).toBeGreaterThan(SMS_MAX_CHARS);
    expect(v.max).toBe(306);
  });

  it("checks an officer's own text as it will be sent, without shortening it", () => {
    expect(checkSmsText("Thông báo:  họp lúc 8h")).toMatchObject({ ok: true, text: "Thong bao: hop luc 8h", segments: 1 });
    const long = checkSmsText("Đ".repeat(307));
    expect(long).toMatchObject({ ok: false, chars: 307, max: 306, segments: 3 });
  });
});
