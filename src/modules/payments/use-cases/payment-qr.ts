// A dynamic VietQR for one dossier's fee: the exact amount, to the commune's account, with the dossier code
// in the transfer note so the desk can match the bank statement line to the dossier.
import type { Deps } from "../../../deps.ts";
import { translator, type Locale } from "../../../platform/i18n/i18n.ts";
import { formatMoney } from "../../../platform/i18n/format.ts";
import { bankLabel, type DossierRow, loadDeskSettings } from "../../dossiers/index.ts";
import { BILL_NUMBER_MAX, buildVietQr, PURPOSE_MAX, vietQrPngDataUrl, vietQrSvg } from "../vietqr.ts";

export type DossierFee = Pick<DossierRow, "code" | "communeCode" | "feeAmount" | "feeStatus">;
export type PaymentQrData = {
  payload: string;
  amount: number;
  purpose: string;
  billNumber: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string | null;
};
export type PaymentQr = PaymentQrData & { svg: string };

/** The dossier code without punctuation, its tail kept (date and number) when the agency code is long. */
export function qrBillNumber(dossierCode: string): string {
  return dossierCode.replace(/[^0-9A-Za-z]/g, "").slice(-BILL_NUMBER_MAX);
}

/** "LE PHI <code>"; a code too long for both keeps the code whole, since matching needs it more than the words. */
export function qrPurpose(dossierCode: string): string {
  const full = `LE PHI ${dossierCode}`;
  return full.length <= PURPOSE_MAX ? full : dossierCode.slice(0, PURPOSE_MAX);
}

/** Null when there is nothing to pay by transfer: no fee, already settled, no code yet, or no bank account. */
export async function paymentQrData(deps: Pick<Deps, "db">, dossier: DossierFee): Promise<PaymentQrData | null> {
  if (dossier.feeAmount <= 0 || dossier.feeStatus !== "unpaid" || !dossier.code) return null;
  const s = await loadDeskSettings(deps, dossier.communeCode);
  if (!s.bankBin || !s.accountNumber) return null;
  const purpose = qrPurpose(dossier.code);
  const billNumber = qrBillNumber(dossier.code);
  const built = buildVietQr({ bin: s.bankBin, account: s.accountNumber, amountVnd: dossier.feeAmount, billNumber, purpose });
  if (!built.ok) return null; // the settings are validated on entry; a bad row left over shows no QR rather than a wrong one
  return {
    payload: built.payload,
    amount: dossier.feeAmount,
    purpose,
    billNumber,
    bankBin: s.bankBin,
    bankName: bankLabel(s.bankBin),
    accountNumber: s.accountNumber,
    accountName: s.accountName,
  };
}

export async function paymentQrFor(deps: Pick<Deps, "db">, dossier: DossierFee, locale: Locale = "vi"): Promise<PaymentQr | null> {
  const data = await paymentQrData(deps, dossier);
  if (!data) return null;
  const t = translator(locale);
  const label = t("payments.vietqrAlt", { amount: formatMoney(data.amount, locale), account: `${data.accountNumber} (${data.bankName})` });
  // A fixed size in SVG attributes (not CSS, which the CSP keeps inline-free) fits a 360-px phone.
  const svg = (await vietQrSvg(data.payload, label)).replace(/^<svg\b/, '<svg width="232" height="232"');
  return { ...data, svg };
}

/** The same code as a PNG data URL, for the PDF receipt (pdfmake takes images as data URLs). */
export async function vietQrPngForDossier(deps: Pick<Deps, "db">, dossier: DossierFee): Promise<string | null> {
  const data = await paymentQrData(deps, dossier);
  return data ? vietQrPngDataUrl(data.payload) : null;
}
