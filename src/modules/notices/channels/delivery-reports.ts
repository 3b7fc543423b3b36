// Delivery callbacks, checked before anything is read from them: the SMS gateway's HMAC and Zalo's MAC, both compared
// in constant time, then the body parsed into the few fields we use. Nothing here touches the database.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import { SmsReportItem, SmsReportList } from "./channels.contract.ts";

export const SMS_SIGNATURE_HEADER = "X-Signature";
export const ZALO_SIGNATURE_HEADER = "X-ZEvent-Signature";

function sameHex(expectedHex: string, given: string): boolean {
  const a = Buffer.from(expectedHex, "utf8");
  const b = Buffer.from(given.trim().toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Hex HMAC-SHA256 of the raw body under the gateway's secret (what the gateway puts in X-Signature). */
export const smsSignature = (secret: string, rawBody: string): string => createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");

/** A "sha256=" prefix, as some gateways send it, is accepted. */
export function verifySmsSignature(secret: string, rawBody: string, header: string | null | undefined): boolean {
  if (!header) return false;
  return sameHex(smsSignature(secret, rawBody), header.replace(/^sha256=/i, ""));
}

/** Zalo's MAC: hex SHA-256 of app_id + raw body + timestamp + the OA secret key; sent as "mac=<hex>". */
export const zaloMac = (appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string =>
  createHash("sha256").update(`${appId}${rawBody}${timestamp}${oaSecretKey}`, "utf8").digest("hex");

export function verifyZaloMac(a: { appId: string; rawBody: string; timestamp: string; oaSecretKey: string }, header: string | null | undefined): boolean {
  if (!header) return false;
  return sameHex(zaloMac(a.appId, a.rawBody, a.timestamp, a.oaSecretKey), header.replace(/^mac=/i, ""));
}

// ── the SMS gateway's report: one or a list ─────────────────────────────────────────────────────────────────────
export type SmsReport = { providerId: string; status: "delivered" | "failed"; error: string | null; at: Date | null };

export function parseSmsReports(json: unknown): { ok: true; reports: SmsReport[] } | { ok: false; issues: z.core.$ZodIssue[] } {
  // Each shape parsed on its own, so an error names the field ("status", "2.status") rather than "no shape matched".
  const parsed = Array.isArray(json) ? SmsReportList.safeParse(json) : SmsReportItem.safeParse(json);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return {
    ok: true,
    reports: list.map((r) => ({ providerId: (r.id ?? r.messageId)!, status: r.status, error: r.error ?? null, at: r.at ? new Date(r.at) : null })),
  };
}

/** The event that settles a ZNS message: delivered to the phone (the only one ZNS reports after a send). */
export const ZALO_DELIVERED_EVENT = "user_received_message";
