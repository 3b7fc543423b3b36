// NAPAS 247 VietQR: the EMVCo merchant-presented QR that every Vietnamese banking app can pay.
// Each field is TLV: id (2 digits), length (2 digits, decimal), value; field 63 is a CRC over the rest.
import QRCode from "qrcode";
import { toAsciiText } from "../../platform/text/ascii-text.ts";
import type { messagesVi } from "./payments.messages.ts";

export type VietQrService = "QRIBFTTA" | "QRIBFTTC"; // transfer to an account / to a card
export type VietQrInput = {
  bin: string; // the receiving bank's 6-digit BIN, e.g. 970403
  account: string;
  service?: VietQrService;
  amountVnd?: number; // 0 or absent: a static code, the payer types the amount
  billNumber?: string;
  purpose?: string; // shown to the payer and copied into the transfer note: put the dossier code here
};
export type VietQrErrorCode = "bin" | "account" | "amount";
export type VietQrBuild = { ok: true; payload: string } | { ok: false; code: VietQrErrorCode };

export const VIETQR_MESSAGE_KEYS: Readonly<Record<VietQrErrorCode, keyof typeof messagesVi>> = {
  bin: "payments.vietqr.bin",
  account: "payments.vietqr.account",
  amount: "payments.vietqr.amount",
};

const NAPAS_GUID = "A000000727";
export const PURPOSE_MAX = 50;
export const BILL_NUMBER_MAX = 25;
const AMOUNT_MAX = 9_999_999_999_999; // EMVCo limits field 54 to 13 characters

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor; 4 uppercase hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

function tlv(id: string, value: string): string {
  // Callers keep values ASCII and short; a longer one would corrupt every field after it.
  if (value.length > 99) throw new RangeError(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** Free text as bank apps accept it (the dossier code should come first in it). */
export const toQrText = toAsciiText;

export function buildVietQr(input: VietQrInput): VietQrBuild {
  const amount = input.amountVnd ?? 0;
  if (!/^\d{6}$/.test(input.bin)) return { ok: false, code: "bin" };
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.account)) return { ok: false, code: "account" };
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > AMOUNT_MAX) return { ok: false, code: "amount" };

  const beneficiary = tlv("00", input.bin) + tlv("01", input.account);
  const merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", input.service ?? "QRIBFTTA");
  const bill = toQrText(input.billNumber ?? "", BILL_NUMBER_MAX);
  const purpose = toQrText(input.purpose ?? "", PURPOSE_MAX);
  const additional = (bill ? tlv("01", bill) : "") + (purpose ? tlv("08", purpose) : "");

  const body =
    tlv("00", "01") +
    tlv("01", amount > 0 ? "12" : "11") + // 12: dynamic, for one payment; 11: static, reusable
    tlv("38", merchant) +
    tlv("53", "704") + // ISO 4217 VND
    (amount > 0 ? tlv("54", String(amount)) : "") +
    tlv("58", "VN") +
    (additional ? tlv("62", additional) : "") +
    "6304";
  return { ok: true, payload: body + crc16(body) };
}

export type TlvEntry = { id: string; value: string };
export type TlvParse = { ok: true; entries: TlvEntry[] } | { ok: false; code: "malformed" };

/** Splits one level of TLV; nested templates (38, 62) are parsed by calling it again on their value. */
export function parseTlv(payload: string): TlvParse {
  const entries: TlvEntry[] = [];
  let i = 0;
  while (i < payload.length) {
    const head = payload.slice(i, i + 4);
    if (!/^\d{4}$/.test(head)) return { ok: false, code: "malformed" };
    const len = Number(head.slice(2));
    if (i + 4 + len > payload.length) return { ok: false, code: "malformed" };
    entries.push({ id: head.slice(0, 2), value: payload.slice(i + 4, i + 4 + len) });
    i += 4 + len;
  }
  return { ok: true, entries };
}

/** True when the payload ends with a field 63 whose CRC matches everything before its value. */
export function verifyCrc(payload: string): boolean {
  const parsed = parseTlv(payload);
  if (!parsed.ok) return false;
  const last = parsed.entries.at(-1);
  if (last?.id !== "63" || last.value.length !== 4) return false;
  return crc16(payload.slice(0, -4)) === last.value.toUpperCase();
}

export type VietQrFields = {
  bin: string;
  account: string;
  service: string;
  amountVnd: number;
  billNumber: string | undefined;
  purpose: string | undefined;
};

const field = (entries: readonly TlvEntry[], id: string) => entries.find((e) => e.id === id)?.value;

/** Reads back a VietQR payload (after checking its CRC), e.g. to check a code before printing it. */
export function readVietQr(payload: string): VietQrFields | undefined {
  if (!verifyCrc(payload)) return undefined;
  const top = parseTlv(payload);
  if (!top.ok) return undefined;
  const merchant = parseTlv(field(top.entries, "38") ?? "");
  if (!merchant.ok || field(merchant.entries, "00") !== NAPAS_GUID) return undefined;
  const beneficiary = parseTlv(field(merchant.entries, "01") ?? "");
  const additional = parseTlv(field(top.entries, "62") ?? "");
  if (!beneficiary.ok || !additional.ok) return undefined;
  const bin = field(beneficiary.entries, "00");
  const account = field(beneficiary.entries, "01");
  const service = field(merchant.entries, "02");
  if (bin === undefined || account === undefined || service === undefined) return undefined;
  return {
    bin,
    account,
    service,
    amountVnd: Number(field(top.entries, "54") ?? 0),
    billNumber: field(additional.entries, "01"),
    purpose: field(additional.entries, "08"),
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The QR as inline SVG; `ariaLabel` is the caller's translated description (e.g. payments.vietqrAlt). */
export async function vietQrSvg(payload: string, ariaLabel: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttr(ariaLabel)}" focusable="false"`);
}

/** The QR as a PNG data URL, for pdfmake (which takes images as data URLs). */
export function vietQrPngDataUrl(payload: string, widthPx = 300): Promise<string> {
  return QRCode.toDataURL(payload, { type: "image/png", errorCorrectionLevel: "M", margin: 2, width: widthPx });
}
