// What a resident's SMS reply asks for. Phones type without diacritics, in any case, with stray punctuation: the text
// is folded to upper-case ASCII words first ("Hủy y tế!" → ["HUY", "Y", "TE"]). The gateway's signature is checked
// on the raw bytes before anything is read.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { NoticeCategory } from "../notices.model.ts";

export const SMS_SIGNATURE_HEADER = "X-Signature";

/** Upper-case ASCII words, diacritics off (đ → D). */
export function foldSmsWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

const STOP_WORDS: readonly string[][] = [["STOP"], ["HUY"], ["TU", "CHOI"], ["TUCHOI"], ["TC"], ["NGUNG"]];
const START_WORDS: readonly string[][] = [["DK"], ["START"], ["DANG", "KY"], ["DANGKY"]];

/** Words a resident may type after STOP or DK for one category; joined without spaces ("Y TE" → "YTE"). */
const CATEGORY_WORDS: Readonly<Record<string, NoticeCategory>> = {
  HANHCHINH: "administrative",
  HC: "administrative",
  YTE: "health",
  SUCKHOE: "health",
  NONGNGHIEP: "agriculture",
  NN: "agriculture",
  SUKIEN: "events",
  SK: "events",
  KYNANGSO: "digital_skills",
  CHUYENDOISO: "digital_skills",
  CDS: "digital_skills",
  KHANCAP: "emergency",
  THIENTAI: "emergency",
  THONGBAOKHANCAP: "emergency",
};

/** The word a reply names for each category (what the help text and confirmations say). */
export const CATEGORY_SMS_WORD: Readonly<Record<NoticeCategory, string>> = {
  administrative: "HANH CHINH",
  emergency: "KHAN CAP",
  health: "Y TE",
  agriculture: "NONG NGHIEP",
  events: "SU KIEN",
  digital_skills: "KY NANG SO",
};

export type SmsCommand =
  | { kind: "stop" | "start"; category: NoticeCategory | null }
  | { kind: "unknownCategory"; verb: "stop" | "start" }
  | { kind: "other"; words: string[] };

const startsWith = (words: string[], prefix: readonly string[]) => prefix.every((w, i) => words[i] === w);

export function parseSmsCommand(words: string[]): SmsCommand {
  for (const [kind, list] of [
    ["stop", STOP_WORDS],
    ["start", START_WORDS],
  ] as const) {
    const prefix = list.find((p) => startsWith(words, p));
    if (!prefix) continue;
    const rest = words.slice(prefix.length).join("");
    if (!rest) return { kind, category: null };
    const category = CATEGORY_WORDS[rest];
    return category ? { kind, category } : { kind: "unknownCategory", verb: kind };
  }
  return { kind: "other", words };
}

/** Hex HMAC-SHA256 of the raw body, as the gateway sends it in X-Signature. */
export function signSmsBody(secret: string, rawBody: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/** Constant-time check of X-Signature ("sha256=" prefix tolerated). */
export function smsSignatureValid(secret: string, header: string | null | undefined, rawBody: string): boolean {
  const given = header?.trim().replace(/^sha256=/i, "") ?? "";
  if (!/^[0-9a-fA-F]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), "hex"), createHmac("sha256", secret).update(rawBody).digest());
}
