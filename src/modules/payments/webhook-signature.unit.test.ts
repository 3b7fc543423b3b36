import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./webhook-signature.ts";

const secret = "whsec_test_5f2b";
const body = '{"event":"payment.succeeded","dossier":"HS-2026-000123","amount":180000}';
const now = new Date("2026-06-15T03:00:00Z");
const t = now.getTime() / 1000;

describe("signWebhook", () => {
  it("signs '<t>.<body>' with HMAC-SHA256", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signWebhook(secret, body, now)).toBe(`t=${t},v1=${expected}`);
  });

  it("signs bytes the same as the equal string", () => {
    expect(signWebhook(secret, new TextEncoder().encode(body), now)).toBe(signWebhook(secret, body, now));
  });
});

describe("verifyWebhook", () => {
  const header = signWebhook(secret, body, now);

  it("accepts its own signature, within the tolerance either way", () => {
    expect(verifyWebhook(secret, header, body, now)).toEqual({ ok: true });
    expect(verifyWebhook(secret, header, Buffer.from(body), new Date(now.getTime() + 300_000))).toEqual({ ok: true });
    expect(verifyWebhook(secret, header, body, new Date(now.getTime() - 300_000))).toEqual({ ok: true });
    expect(verifyWebhook(secret, ` t=${t} , v1=${"0".repeat(64)}, ${header.split(",")[1]}`, body, now)).toEqual({ ok: true });
  });

  it("reports a missing header", () => {
    for (const h of [undefined, null, "", "  "]) expect(verifyWebhook(secret, h, body, now)).toEqual({ ok: false, code: "missing" });
  });

  it("reports a malformed header", () => {
    const sig = header.split(",")[1] ?? "";
    for (const h of ["garbage", `t=${t}`, sig, `t=abc,${sig}`, `t=${t},v1=xyz`, `t=${t},v1=${"a".repeat(63)}`, `t=${t},t=${t},${sig}`, `t=${t};${sig}`]) {
      expect(verifyWebhook(secret, h, body, now), h).toEqual({ ok: false, code: "malformed" });
    }
  });

  it("reports an old or future timestamp", () => {
    expect(verifyWebhook(secret, header, body, new Date(now.getTime() + 301_000))).toEqual({ ok: false, code: "stale" });
    expect(verifyWebhook(secret, header, body, new Date(now.getTime() - 301_000))).toEqual({ ok: false, code: "stale" });
    expect(verifyWebhook(secret, header, body, new Date(now.getTime() + 3_600_000), 7200)).toEqual({ ok: true });
  });

  it("reports a changed body, secret or timestamp as a mismatch", () => {
    expect(verifyWebhook(secret, header, body.replace("180000", "1"), now)).toEqual({ ok: false, code: "mismatch" });
    expect(verifyWebhook(secret, header, `${body} `, now)).toEqual({ ok: false, code: "mismatch" });
    expect(verifyWebhook("another-secret", header, body, now)).toEqual({ ok: false, code: "mismatch" });
    expect(verifyWebhook(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, now)).toEqual({ ok: false, code: "mismatch" });
  });
});
