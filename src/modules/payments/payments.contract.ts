// The one contract for payments: validates form posts, API bodies and gateway notices, and generates OpenAPI.
import { z } from "@hono/zod-openapi";

export const FEE_STATUSES = ["none", "unpaid", "paid", "exempt", "refunded"] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];
export const PAYMENT_METHODS = ["vietqr", "gateway", "cash", "exempt"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** What the desk may record by hand: money seen in the drawer, or a transfer seen on the account statement. */
export const DESK_METHODS = ["cash", "vietqr"] as const;
export const PAYMENT_STATUSES = ["paid", "exempt", "refunded"] as const;

const note = z.string().trim().max(500);
const reason = z.string().trim().min(1).max(500);

export const ConfirmPaymentInput = z.strictObject({ method: z.enum(DESK_METHODS), note: note.optional() }).openapi("ConfirmPaymentInput");
export type ConfirmPaymentInput = z.infer<typeof ConfirmPaymentInput>;

export const ExemptInput = z
  .strictObject({ reason: reason.openapi({ description: "Why the fee is waived (e.g. a poor household's certificate)", example: "Hộ nghèo, sổ số 12/2026" }) })
  .openapi("ExemptPaymentInput");
export const RefundInput = z.strictObject({ reason }).openapi("RefundPaymentInput");
export type ReasonInput = { reason: string };

/** What a gateway posts to the webhook, signed with X-XaSo-Signature. Extra fields are ignored. */
export const GatewayNotice = z
  .object({
    dossierCode: z.string().trim().min(1).max(80).openapi({ example: "000.29.23.H39-261123-0001" }),
    amount: z.number().int().min(0).openapi({ description: "Whole đồng; must equal the dossier's fee", example: 10000 }),
    gatewayRef: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "The gateway's transaction id; a replay with the same id is answered 200 and changes nothing" }),
    paidAt: z.iso.datetime({ offset: true }).openapi({ example: "2026-11-23T10:15:00+07:00" }),
  })
  .openapi("GatewayNotice");
export type GatewayNotice = z.infer<typeof GatewayNotice>;

export const DossierIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
export const PaymentIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export const Payment = z
  .object({
    id: z.uuid(),
    dossierId: z.uuid(),
    amount: z.number().int(),
    method: z.enum(PAYMENT_METHODS),
    status: z.enum(PAYMENT_STATUSES),
    receiptNo: z.string().openapi({ example: "BL-2026-02923-000001" }),
    gatewayRef: z.string().nullable(),
    confirmedAt: z.string().openapi({ format: "date-time" }),
    confirmedBy: z.string().nullable().openapi({ description: "Display name of the officer; null for the gateway" }),
    refundedAt: z.string().nullable().openapi({ format: "date-time" }),
    note: z.string().nullable(),
    receiptUrl: z.string().openapi({ example: "/payments/…/receipt" }),
  })
  .openapi("Payment");

export const PaymentQr = z
  .object({
    payload: z.string().openapi({ description: "EMVCo VietQR payload; render it as a QR code" }),
    amount: z.number().int(),
    purpose: z.string().openapi({ example: "LE PHI 000.29.23.H39-261123-0001" }),
    billNumber: z.string(),
    bankBin: z.string(),
    bankName: z.string(),
    accountNumber: z.string(),
    accountName: z.string().nullable(),
  })
  .openapi("PaymentQr");

export const PaymentInfo = z
  .object({
    dossierId: z.uuid(),
    dossierCode: z.string().nullable(),
    amount: z.number().int(),
    status: z.enum(FEE_STATUSES),
    qr: PaymentQr.nullable().openapi({ description: "Present while the fee is unpaid and the commune has a bank account" }),
    payments: z.array(Payment),
  })
  .openapi("PaymentInfo");

export const WebhookResult = z
  .object({
    paymentId: z.uuid(),
    receiptNo: z.string(),
    duplicate: z.boolean().openapi({ description: "True when this gatewayRef had already been recorded" }),
  })
  .openapi("WebhookResult");
