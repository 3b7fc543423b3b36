/** Payments: fees of dossiers paid by VietQR transfer, a gateway or cash; waivers, refunds, receipts; desk settings. */
export * from "./payments.contract.ts";
export { BANKS, bankByBin, bankLabel, type Bank } from "./banks.ts";
export type { PaymentRow } from "./payments.repository.ts";
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
export { confirmPayment, markExempt, refundPayment } from "./use-cases/desk-payments.ts";
export { handleGatewayWebhook, type WebhookOutcome } from "./use-cases/gateway-webhook.ts";
export { getDeskSettings, saveDeskSettings } from "./use-cases/desk-settings.ts";
export { getPaymentInfo, getReceipt, paymentsForDossier, type PaymentInfo as PaymentInfoView, type Receipt } from "./use-cases/read-payments.ts";
export { canConfirmPayments } from "./use-cases/payment-access.ts";
export { buildVietQr, readVietQr, vietQrSvg, vietQrPngDataUrl } from "./vietqr.ts";
export { signWebhook, verifyWebhook, SIGNATURE_HEADER } from "./webhook-signature.ts";
