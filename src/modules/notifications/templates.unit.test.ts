import { describe, expect, it } from "vitest";
import { toSmsText } from "./sms-text.ts";
import { NOTIFICATION_KINDS, renderNotification, type NotificationData } from "./templates.ts";

const full: NotificationData = {
  dossierCode: "000.00.15.H02-260114-0007",
  procedureName: "Đăng ký khai sinh",
  // 01:00 on 20 January in Vietnam, still the 19th in UTC: dates are Vietnam's.
  dueAt: new Date("2026-01-19T18:00:00Z"),
  newDueAt: new Date("2026-01-23T03:00:00Z"),
  statusUrl: "https://giaphu.xaso.vn/t/7KQ2MX",
  items: ["Bản sao giấy chứng sinh", "Giấy tờ tùy thân"],
  code: "482913",
  communeName: "Xã Gia Phú",
};

describe("renderNotification", () => {
  it("fills every template in both languages, leaving no placeholder or raw key", () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const locale of ["vi", "en"] as const) {
        const r = renderNotification(kind, full, locale);
        for (const text of [r.sms, r.emailSubject, r.emailText]) {
          expect(text).not.toMatch(/\{\w+\}|notifications\./);
          expect(text.trim()).not.toBe("");
        }
      }
    }
  });

  it("puts the dossier code and status link first in the SMS, and dates in Vietnam's time zone", () => {
    const r = renderNotification("dossierReceived", full, "vi");
    expect(r.sms).toBe(
      "Hồ sơ 000.00.15.H02-260114-0007\nhttps://giaphu.xaso.vn/t/7KQ2MX\nĐã tiếp nhận hồ sơ Đăng ký khai sinh. Hẹn trả kết quả ngày 20/01/2026.",
    );
    expect(r.emailSubject).toBe("Hồ sơ 000.00.15.H02-260114-0007 đã được tiếp nhận");
    expect(r.emailText.split("\n")).toEqual([
      "Kính gửi Ông/Bà,",
      "",
      "Hồ sơ 000.00.15.H02-260114-0007 (Đăng ký khai sinh) của Ông/Bà đã được tiếp nhận. Hẹn trả kết quả ngày 20/01/2026.",
      "",
      "Tra cứu tình trạng hồ sơ: https://giaphu.xaso.vn/t/7KQ2MX",
      "",
      "Trân trọng,",
      "Bộ phận Một cửa – Xã Gia Phú",
      "",
      "--",
      "Thư này được gửi tự động, xin Ông/Bà vui lòng không trả lời thư này.",
    ]);
  });

  it("speaks English when asked", () => {
    const r = renderNotification("dossierLate", full, "en");
    expect(r.emailSubject).toBe("Application 000.00.15.H02-260114-0007: our apologies for the delay");
    expect(r.sms).toBe(
      "Application 000.00.15.H02-260114-0007\nhttps://giaphu.xaso.vn/t/7KQ2MX\nWe apologise: your application for Đăng ký khai sinh is late. New date for the result: 23/01/2026.",
    );
    expect(r.emailText.startsWith("Dear citizen,\n")).toBe(true);
  });

  it("lists the documents to supply, and the reasons of a refusal when given", () => {
    const s = renderNotification("supplementRequested", full, "vi");
    expect(s.sms.split("\n")[2]).toBe("Cần bổ sung: Bản sao giấy chứng sinh; Giấy tờ tùy thân. Hồ sơ được giải quyết tiếp khi nhận đủ giấy tờ.");
    expect(s.emailText).toContain("giấy tờ bổ sung.\n\nGiấy tờ cần bổ sung:\n- Bản sao giấy chứng sinh\n- Giấy tờ tùy thân\n");
    const refused = renderNotification("dossierRefused", { ...full, items: ["Không thuộc thẩm quyền của xã"] }, "vi");
    expect(refused.sms.endsWith("bị từ chối giải quyết. Lý do: Không thuộc thẩm quyền của xã.")).toBe(true);
    expect(refused.emailText).toContain("hướng dẫn.\n\nLý do:\n- Không thuộc thẩm quyền của xã\n");
    const noReason = renderNotification("dossierRefused", { ...full, items: undefined }, "vi");
    expect(noReason.sms).not.toContain("Lý do");
    expect(noReason.emailText).not.toContain("Lý do");
  });

  it("leaves out the link and the commune when it has none", () => {
    const r = renderNotification("resultReady", { dossierCode: "H15-1", procedureName: "Chứng thực bản sao" }, "vi");
    expect(r.sms.startsWith("Hồ sơ H15-1\nĐã có kết quả")).toBe(true);
    expect(r.emailText).not.toContain("Tra cứu");
    expect(r.emailText).toContain("Trân trọng,\nBộ phận Một cửa\n");
  });

  it("starts a phone code SMS with the code", () => {
    expect(renderNotification("phoneCode", { code: "482913" }, "vi").sms).toBe(
      "482913 là mã xác minh số điện thoại của Ông/Bà trên XãSố. Không chia sẻ mã này cho bất kỳ ai.",
    );
  });

  it("renders a shorter message when optional data is missing, leaving no hole", () => {
    const code = { dossierCode: "H15-1" };
    expect(renderNotification("dossierReceived", code, "vi").sms).toBe("Hồ sơ H15-1\nĐã tiếp nhận hồ sơ.");
    expect(renderNotification("dossierReceived", code, "vi").emailText).toContain("\nHồ sơ H15-1 của Ông/Bà đã được tiếp nhận.\n");
    expect(renderNotification("dossierLate", code, "en").sms).toBe("Application H15-1\nWe apologise: your application is late.");
    expect(renderNotification("supplementRequested", { ...code, items: [" "] }, "vi").sms).toBe(
      "Hồ sơ H15-1\nCần bổ sung giấy tờ. Hồ sơ được giải quyết tiếp khi nhận đủ giấy tờ.",
    );
    expect(renderNotification("supplementRequested", code, "vi").emailText).not.toContain("Giấy tờ cần bổ sung:");
  });

  it("refuses to render without the dossier code, or the one-time code", () => {
    expect(() => renderNotification("dossierReceived", { procedureName: "X", dueAt: new Date() }, "vi")).toThrow(
      "notification dossierReceived needs dossierCode",
    );
    expect(() => renderNotification("phoneCode", { code: "" }, "en")).toThrow("notification phoneCode needs code");
  });

  it("keeps code and link when a long procedure name forces the SMS to be shortened", () => {
    const longName =
      "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu cho hộ gia đình, cá nhân đã được cấp Giấy chứng nhận quyền sở hữu nhà ở";
    for (const kind of ["dossierReceived", "resultReady", "dossierLate"] as const) {
      const r = renderNotification(kind, { ...full, procedureName: longName, items: ["x".repeat(200)] }, "vi");
      const s = toSmsText(r.sms, { maxSegments: 1, keep: [full.dossierCode!, full.statusUrl!] });
      expect(s.segments).toBe(1);
      expect(s.text.startsWith("Ho so 000.00.15.H02-260114-0007\nhttps://giaphu.xaso.vn/t/7KQ2MX\n")).toBe(true);
      expect(s.truncated).toBe(true);
    }
  });
});
