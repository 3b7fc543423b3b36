/** Payments: fees of dossiers paid by VietQR transfer, a gateway or cash; waivers, refunds, receipts. */
export * from "./payments.contract.ts";
export type { PaymentRow } from "./payments.model.ts";
export {
  paymentQrFor,
  paymentQrData,
  vietQrPngForDossier,
  qrBillNumber,
  qrPurpose,
  type PaymentQr,
  type PaymentQrData,
  type DossierFee,
} from "./use-cases/payment-qr.ts";
export { confirmPayment } from "./use-cases/confirm-payment.ts";
export { markExempt } from "./use-cases/mark-exempt.ts";
export { refundPayment } from "./use-cases/refund-payment.ts";
export { handleGatewayWebhook, type WebhookOutcome } from "./use-cases/gateway-webhook.ts";
export { getPaymentInfo, getReceipt, paymentsForDossier, type PaymentInfo as PaymentInfoView, type Receipt } from "./use-cases/read-payments.ts";
export { canConfirmPayments } from "./use-cases/payment-access.ts";
export { buildVietQr, readVietQr, vietQrSvg, vietQrPngDataUrl } from "./vietqr.ts";
export { signWebhook, verifyWebhook, SIGNATURE_HEADER } from "./webhook-signature.ts";
