// The payment gateway signs each webhook: X-XaSo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">.
// The timestamp is inside the MAC so an old request cannot be replayed with a fresh one.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { messagesVi } from "./payments.messages.ts";

export const SIGNATURE_HEADER = "X-XaSo-Signature";
export type WebhookErrorCode = "missing" | "malformed" | "stale" | "mismatch";
export type WebhookCheck = { ok: true } | { ok: false; code: WebhookErrorCode };

export const WEBHOOK_MESSAGE_KEYS: Readonly<Record<WebhookErrorCode, keyof typeof messagesVi>> = {
  missing: "payments.webhook.missing",
  malformed: "payments.webhook.malformed",
  stale: "payments.webhook.stale",
  mismatch: "payments.webhook.mismatch",
};

// Raw bytes, not a re-serialised object: any change of spacing would break the MAC.
function mac(secret: string, t: number, body: string | Uint8Array): Buffer {
  return createHmac("sha256", secret).update(`${t}.`).update(body).digest();
}

export function signWebhook(secret: string, body: string | Uint8Array, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${mac(secret, t, body).toString("hex")}`;
}

/**
 * Checks the header against the raw body. Several v1 entries are allowed, so a gateway can sign with
 * the old and the new secret while the secret is being changed.
 */
export function verifyWebhook(secret: string, header: string | null | undefined, rawBody: string | Uint8Array, now: Date, toleranceSec = 300): WebhookCheck {
  if (!header?.trim()) return { ok: false, code: "missing" };
  let t: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const m = /^\s*(\w+)=(\S*)\s*$/.exec(part);
    if (!m) return { ok: false, code: "malformed" };
    const [, key, value = ""] = m;
    if (key === "t") {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return { ok: false, code: "malformed" };
      t = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return { ok: false, code: "malformed" };
      signatures.push(Buffer.from(value, "hex"));
    }
    // Other schemes (v0, a future v2) are ignored, as senders may add them.
  }
  if (t === undefined || signatures.length === 0) return { ok: false, code: "malformed" };

  // The MAC is checked first: a forger learns nothing about our clock.
  const expected = mac(secret, t, rawBody);
  let match = false;
  for (const s of signatures) match = timingSafeEqual(s, expected) || match;
  if (!match) return { ok: false, code: "mismatch" };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSec) return { ok: false, code: "stale" };
  return { ok: true };
}
