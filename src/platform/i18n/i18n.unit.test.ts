import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format.ts";
import { registerModuleMessages } from "../../module-messages.ts";
import { isMessageKey, messagesOf, negotiateLocale, registerMessages, translator } from "./i18n.ts";

registerModuleMessages();
const vi = messagesOf("vi");
const en = messagesOf("en");

describe("i18n", () => {
  it("gives pages Vietnamese whatever the browser's language, until the person picks English", () => {
    expect(negotiateLocale(undefined, undefined)).toBe("vi");
    expect(negotiateLocale(undefined, "en-US,en;q=0.9")).toBe("vi");
    expect(negotiateLocale("en", "vi-VN")).toBe("en");
    expect(negotiateLocale("xx", "de")).toBe("vi");
  });

  it("lets API clients ask for English with Accept-Language, the cookie still first", () => {
    expect(negotiateLocale(undefined, "fr-FR,en;q=0.8", { api: true })).toBe("en");
    expect(negotiateLocale(undefined, "en;q=0.5,vi;q=0.9", { api: true })).toBe("vi");
    expect(negotiateLocale("vi", "en-US", { api: true })).toBe("vi");
    expect(negotiateLocale(undefined, undefined, { api: true })).toBe("vi");
  });

  it("fills parameters and speaks both languages", () => {
    expect(translator("vi")("validation.required", { field: "name" })).toBe("Trường “name”: bắt buộc phải nhập");
    expect(translator("en")("validation.required", { field: "name" })).toBe("Field “name”: is required");
  });

  it("has an English text for every Vietnamese key, none left empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, v] of Object.entries(en)) expect(v.trim(), k).not.toBe("");
  });

  it("refuses a key registered twice with another text, and knows only registered keys", () => {
    expect(() => registerMessages({ "app.name": "Khác" }, { "app.name": "Other" })).toThrow(/app\.name/);
    expect(isMessageKey("calendar.title")).toBe(true);
    expect(isMessageKey("calendar.nope")).toBe(false);
  });

  it("formats dates, numbers and money the Vietnamese way, in Vietnam's time zone", () => {
    expect(formatDate(new Date("2026-11-23T20:00:00Z"))).toBe("24/11/2026");
    expect(formatDateTime(new Date("2026-11-23T02:05:00Z"))).toBe("09:05 23/11/2026");
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatMoney(1234567)).toBe("1.234.567\u00a0₫");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });
});
