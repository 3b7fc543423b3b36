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
export { getPaymentInfo, type PaymentInfo as PaymentInfoView } from "./use-cases/get-payment-info.ts";
export { getReceipt, type Receipt } from "./use-cases/get-receipt.ts";
export { paymentsForDossier } from "./use-cases/list-dossier-payments.ts";
export { canConfirmPayments } from "./use-cases/payment-access.ts";
export { buildVietQr, readVietQr, vietQrSvg, vietQrPngDataUrl } from "./vietqr.ts";
export { signWebhook, verifyWebhook, SIGNATURE_HEADER } from "./webhook-signature.ts";
