import { describe, expect, it } from "vitest";
import { deriveSpeechText, expandAbbreviations, LINK_PHRASE, speakNumbers } from "./speech-script.ts";

describe("the spoken script of a notice", () => {
  it("reads dates, times, phones, amounts, decimals, percentages and units in words", () => {
    expect(speakNumbers("ngày 12/02/2026")).toBe("ngày mười hai tháng hai năm hai nghìn không trăm hai mươi sáu");
    expect(speakNumbers("từ 3/4")).toBe("từ ngày ba tháng tư");
    expect(speakNumbers("lúc 7h30 và 14h")).toBe("lúc bảy giờ ba mươi và mười bốn giờ");
    expect(speakNumbers("lúc 07:05")).toBe("lúc bảy giờ năm");
    expect(speakNumbers("gọi 0912 345 678")).toBe("gọi không chín một hai ba bốn năm sáu bảy tám");
    expect(speakNumbers("hỗ trợ 1.500.000 đồng")).toBe("hỗ trợ một triệu năm trăm nghìn đồng");
    expect(speakNumbers("mưa 2,5 mm, 15% diện tích, 21 hộ, 3 km")).toBe(
      "mưa hai phẩy năm mi-li-mét, mười lăm phần trăm diện tích, hai mươi mốt hộ, ba ki-lô-mét",
    );
  });

  it("expands the usual administrative abbreviations, whole words only", () => {
    expect(expandAbbreviations("UBND xã, HĐND, thẻ BHYT, CCCD, trường THCS")).toBe(
      "Ủy ban nhân dân xã, Hội đồng nhân dân, thẻ bảo hiểm y tế, căn cước công dân, trường trung học cơ sở",
    );
    expect(expandAbbreviations("UBNDX")).toBe("UBNDX");
  });

  it("reads the title, then each paragraph and item as a sentence, links replaced by a phrase", () => {
    const s = deriveSpeechText(
      "Lịch tiêm chủng",
      "UBND xã thông báo tiêm vắc-xin lúc 7h30 ngày 12/02/2026\n\n- Mang thẻ **BHYT**\n- Đăng ký tại https://xaso.vn/dk",
    );
    expect(s).toBe(
      [
        "Lịch tiêm chủng.",
        "Ủy ban nhân dân xã thông báo tiêm vắc-xin lúc bảy giờ ba mươi ngày mười hai tháng hai năm hai nghìn không trăm hai mươi sáu.",
        "Mang thẻ bảo hiểm y tế.",
        `Đăng ký tại (${LINK_PHRASE}).`,
      ].join("\n"),
    );
    expect(s).not.toContain("http");
  });

  it("stays within the script limit, cut at a sentence's end", () => {
    const s = deriveSpeechText("Tin dài", "Câu thông báo số một của xã. ".repeat(200));
    expect(s.length).toBeLessThanOrEqual(3000);
    expect(s.endsWith(".")).toBe(true);
  });
});
