import { describe, expect, it } from "vitest";
import { parseSmsReports, smsSignature, verifySmsSignature, verifyZaloMac, zaloMac } from "./delivery-reports.ts";
import { classifyZnsError, znsPhone } from "./zalo-zns.ts";

const SECRET = "a-secret-of-sixteen-chars";

describe("SMS report signature", () => {
  const body = '{"id":"gw-1","status":"delivered"}';
  it("accepts the HMAC of the exact body, with or without a sha256= prefix", () => {
    const sig = smsSignature(SECRET, body);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySmsSignature(SECRET, body, sig)).toBe(true);
    expect(verifySmsSignature(SECRET, body, `sha256=${sig.toUpperCase()}`)).toBe(true);
  });
  it("refuses another body, another secret, a missing or truncated header", () => {
    const sig = smsSignature(SECRET, body);
    expect(verifySmsSignature(SECRET, `${body} `, sig)).toBe(false);
    expect(verifySmsSignature("another-secret-of-16", body, sig)).toBe(false);
    expect(verifySmsSignature(SECRET, body, undefined)).toBe(false);
    expect(verifySmsSignature(SECRET, body, sig.slice(0, 40))).toBe(false);
  });
});

describe("Zalo MAC", () => {
  it("is SHA-256 of app_id + body + timestamp + OA secret, sent as mac=<hex>", () => {
    const raw = '{"app_id":"123","timestamp":"1700000000000"}';
    const mac = zaloMac("123", raw, "1700000000000", "oa-secret");
    expect(verifyZaloMac({ appId: "123", rawBody: raw, timestamp: "1700000000000", oaSecretKey: "oa-secret" }, `mac=${mac}`)).toBe(true);
    expect(verifyZaloMac({ appId: "123", rawBody: raw, timestamp: "1700000000001", oaSecretKey: "oa-secret" }, `mac=${mac}`)).toBe(false);
    expect(verifyZaloMac({ appId: "123", rawBody: raw, timestamp: "1700000000000", oaSecretKey: "other" }, mac)).toBe(false);
  });
});

describe("parseSmsReports", () => {
  it("takes one report or a list, id or messageId", () => {
    const one = parseSmsReports({ id: "a", status: "delivered", at: "2026-12-01T02:03:04Z" });
    expect(one).toEqual({ ok: true, reports: [{ providerId: "a", status: "delivered", error: null, at: new Date("2026-12-01T02:03:04Z") }] });
    const list = parseSmsReports([
      { messageId: "b", status: "failed", error: "absent subscriber" },
      { id: "c", status: "delivered" },
    ]);
    expect(list.ok && list.reports.map((r) => [r.providerId, r.status, r.error])).toEqual([
      ["b", "failed", "absent subscriber"],
      ["c", "delivered", null],
    ]);
  });
  it("names the bad field", () => {
    const bad = parseSmsReports({ id: "a", status: "read" });
    expect(!bad.ok && bad.issues.map((i) => i.path.join("."))).toEqual(["status"]);
    const noId = parseSmsReports({ status: "delivered" });
    expect(!noId.ok && noId.issues.map((i) => i.path.join("."))).toEqual(["id"]);
    expect(parseSmsReports([]).ok).toBe(false);
  });
});

describe("ZNS helpers", () => {
  it("writes phones as 84…", () => {
    expect(znsPhone("+84912345678")).toBe("84912345678");
    expect(znsPhone("0912345678")).toBe("84912345678");
  });
  it("tells token, permanent and retryable errors apart", () => {
    expect(classifyZnsError(-124)).toBe("token");
    expect(classifyZnsError(-118)).toBe("permanent");
    expect(classifyZnsError(-107)).toBe("permanent");
    expect(classifyZnsError(-1472)).toBe("retry");
  });
});
