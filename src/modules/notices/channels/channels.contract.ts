// Shapes of notices' channels part: the delivery callbacks and the commune's Zalo account (one zod schema serves the
// settings form and the API body, and generates the OpenAPI document).
import { z } from "@hono/zod-openapi";

// ── the SMS gateway's report: one or a list ─────────────────────────────────────────────────────────────────────
const providerId = z.string().trim().min(1).max(100);
export const SmsReportItem = z
  .object({
    id: providerId.optional(),
    messageId: providerId.optional(),
    status: z.enum(["delivered", "failed"]),
    error: z.string().max(500).optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((r) => r.id !== undefined || r.messageId !== undefined, { path: ["id"], params: { code: "required", messageKey: "validation.required" } })
  .openapi("SmsDeliveryReport", {
    example: { id: "gw-7f3a9c", status: "delivered", at: "2026-12-01T02:03:04Z" },
  });
export const SmsReportList = z.array(SmsReportItem).min(1).max(1000);
// ── Zalo's webhook event ─────────────────────────────────────────────────────────────────────────────────────────
const digits = z.union([z.string().regex(/^\d{1,32}$/), z.number().int().nonnegative()]).transform(String);
export const ZaloEvent = z
  .object({
    app_id: digits,
    event_name: z.string().min(1).max(100),
    timestamp: digits,
    oa_id: digits.optional(),
    sender: z
      .object({ id: z.string().max(100) })
      .partial()
      .optional(),
    recipient: z
      .object({ id: z.string().max(100) })
      .partial()
      .optional(),
    message: z
      .object({ msg_id: z.string().min(1).max(100), delivery_time: digits.optional(), tracking_id: z.string().max(100).optional() })
      .partial()
      .optional(),
  })
  .openapi("ZaloEvent", {
    example: {
      app_id: "4291763606161179100",
      event_name: "user_received_message",
      oa_id: "579745863508352884",
      sender: { id: "579745863508352884" },
      recipient: { id: "8715200117183829" },
      message: { msg_id: "a2cb7df1c5a1d2f58bb0", delivery_time: "1795402800123", tracking_id: "1234" },
      timestamp: "1795402800123",
    },
  });
export type ZaloEventBody = z.infer<typeof ZaloEvent>;

// ── the commune's Zalo Official Account ─────────────────────────────────────────────────────────────────────────
/** What can fill a template parameter: fields of the notice, or the commune's name. */
export const ZALO_PARAM_SOURCES = ["title", "category", "date", "link", "commune", "summary"] as const;
export type ZaloParamSource = (typeof ZALO_PARAM_SOURCES)[number];

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;
/** "name=source" per line or comma (the form), or an object (the API). */
const TemplateParams = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const out: Record<string, string> = {};
    for (const part of v.split(/[\n,;]+/)) {
      const line = part.trim();
      if (!line) continue;
      const eq = line.indexOf("=");
      out[eq < 0 ? line : line.slice(0, eq).trim()] = eq < 0 ? "" : line.slice(eq + 1).trim();
    }
    return out;
  },
  z
    .record(z.string().regex(PARAM_NAME), z.enum(ZALO_PARAM_SOURCES))
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 10, { params: { messageKey: "notices.channels.error.paramCount" } }),
);

const secret = z.string().trim().max(2000);
const optionalSecret = z.preprocess((v) => (v === "" ? undefined : v), secret.min(8).optional());

export const ZaloAccountInput = z
  .object({
    appId: z
      .string()
      .trim()
      .regex(/^\d{1,32}$/),
    oaId: z
      .string()
      .trim()
      .regex(/^\d{1,32}$/),
    templateId: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/),
    templateParams: TemplateParams,
    /** Secrets: required the first time; left empty later, the stored one is kept. */
    appSecret: optionalSecret,
    accessToken: optionalSecret,
    refreshToken: optionalSecret,
    oaSecretKey: optionalSecret,
  })
  .openapi("ZaloAccountInput", {
    example: {
      appId: "4291763606161179100",
      oaId: "579745863508352884",
      templateId: "312345",
      templateParams: { tieu_de: "title", ngay: "date", lien_ket: "link" },
      appSecret: "app-secret-from-zalo",
      accessToken: "oa-access-token",
      refreshToken: "oa-refresh-token",
      oaSecretKey: "oa-secret-key",
    },
  });
export type ZaloAccountInput = z.infer<typeof ZaloAccountInput>;

export const ZaloAccount = z
  .object({
    unitCode: z.string(),
    appId: z.string(),
    oaId: z.string(),
    templateId: z.string(),
    templateParams: z.record(z.string(), z.enum(ZALO_PARAM_SOURCES)),
    /** Secrets are never shown back: only their last four characters. */
    appSecretEnd: z.string(),
    accessTokenEnd: z.string(),
    refreshTokenEnd: z.string().nullable(),
    oaSecretKeyEnd: z.string(),
    tokenExpiresAt: z.string().nullable(),
    lastRefreshAt: z.string().nullable(),
    lastError: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("ZaloAccount");

export const ZaloTestInput = z.object({ phone: z.string().trim().min(9).max(20) }).openapi("ZaloTestInput", { example: { phone: "0912345678" } });

export const ZaloTestResult = z.object({ msgId: z.string(), remainingQuota: z.number().nullable() }).openapi("ZaloTestResult");

export const UnitQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{3})?$/)
    .optional()
    .openapi({ example: "02923" }),
});

export const DeliveryReportResult = z
  .object({
    processed: z.number().int(),
    ignored: z.number().int().openapi({ description: "Reports for deliveries already final (or events that settle nothing)" }),
  })
  .openapi("DeliveryReportResult");
