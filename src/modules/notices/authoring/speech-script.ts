// The spoken script of a notice for the village loudspeakers: what a reader (or a text-to-speech engine) says.
// A listener cannot click a link or read "7h30", so links become a phrase pointing to the notices page, bullets
// become sentences, and numbers, dates, times, phone numbers and the usual administrative abbreviations are written
// out in Vietnamese words (northern reading, as number-words.ts).
import { vietnameseNumberWords } from "../../../platform/text/number-words.ts";
import { NOTICE_LIMITS } from "../notices.model.ts";
import { type Inline, parseNoticeBody } from "../notice-text.ts";

export const LINK_PHRASE = "xem chi tiết trên trang thông báo của xã";

/** Abbreviations read in full (longest first where one contains another). */
export const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ["UBMTTQ", "Ủy ban Mặt trận Tổ quốc"],
  ["UBND", "Ủy ban nhân dân"],
  ["HĐND", "Hội đồng nhân dân"],
  ["MTTQ", "Mặt trận Tổ quốc"],
  ["CCCD", "căn cước công dân"],
  ["CMND", "chứng minh nhân dân"],
  ["BHYT", "bảo hiểm y tế"],
  ["BHXH", "bảo hiểm xã hội"],
  ["THCS", "trung học cơ sở"],
  ["THPT", "trung học phổ thông"],
  ["PCCC", "phòng cháy chữa cháy"],
  ["ATGT", "an toàn giao thông"],
  ["CSGT", "cảnh sát giao thông"],
  ["HTX", "hợp tác xã"],
  ["NTM", "nông thôn mới"],
  ["SĐT", "số điện thoại"],
  ["ĐT", "điện thoại"],
  ["VNĐ", "đồng"],
  ["TTYT", "trung tâm y tế"],
  ["TYT", "trạm y tế"],
  ["PCTT", "phòng chống thiên tai"],
  ["TKCN", "tìm kiếm cứu nạn"],
];

const UNITS: Record<string, string> = { km: "ki-lô-mét", kg: "ki-lô-gam", ha: "héc-ta", m2: "mét vuông", m: "mét", cm: "xăng-ti-mét", mm: "mi-li-mét" };

const num = (s: string) => vietnameseNumberWords(Number(s));
// The fourth month is "tháng tư", never "tháng bốn".
const month = (s: string) => (Number(s) === 4 ? "tư" : num(s));
const digits = (s: string) => [...s.replace(/\D/g, "")].map((d) => vietnameseNumberWords(Number(d))).join(" ");

/** Numbers, dates, times, phones, percentages and units in words. */
export function speakNumbers(text: string): string {
  return (
    text
      // Phone numbers: read digit by digit (0912 345 678, 0912.345.678, +84912345678, 1900 1234).
      .replace(/(?<![\d/])(?:\+84|0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?![\d/])/g, (m) => digits(m.replace(/^\+84/, "0")))
      // Dates: dd/mm/yyyy, dd-mm-yyyy, dd/mm.
      .replace(/(?:ngày\s+)?(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)/g, (_m, d, mo, y) => `ngày ${num(d)} tháng ${month(mo)} năm ${num(y)}`)
      .replace(/(?:ngày\s+)?(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (_m, d, mo) => `ngày ${num(d)} tháng ${month(mo)}`)
      // Units and percentages after a number (the number itself is read below).
      .replace(/(\d)\s?%/g, "$1 phần trăm")
      .replace(/(\d)\s?(km|kg|ha|m2|cm|mm|m)(?![\p{L}\d])/gu, (_m, n, u: string) => `${n} ${UNITS[u]}`)
      // Times: 7h30, 7h, 7:30, 07 giờ 30.
      .replace(/(?<!\d)(\d{1,2})(?:h|:|giờ\s?)(\d{2})(?:p|')?(?!\d)/g, (_m, h, mi) => (Number(mi) === 0 ? `${num(h)} giờ` : `${num(h)} giờ ${num(mi)}`))
      .replace(/(?<!\d)(\d{1,2})h(?![\w\d])/g, (_m, h) => `${num(h)} giờ`)
      // Thousands written with dots (1.500.000) and decimals with a comma (2,5).
      .replace(/(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,])/g, (m) => num(m.replace(/\./g, "")))
      .replace(/(?<![\d.,])(\d+),(\d+)(?![\d.,])/g, (_m, a, b) => `${num(a)} phẩy ${digits(b)}`)
      .replace(/\d{1,15}/g, (m) => (m.length > 12 ? digits(m) : num(m)))
  );
}

/** Abbreviations in full words (whole words only). */
export function expandAbbreviations(text: string): string {
  let out = text;
  for (const [abbr, full] of ABBREVIATIONS) out = out.replace(new RegExp(`(?<![\\p{L}\\d])${abbr}(?![\\p{L}\\d])`, "gu"), full);
  return out;
}

const spokenInline = (xs: Inline[]): string => xs.map((x) => (x.kind === "link" ? ` (${LINK_PHRASE}) ` : x.text)).join("");
// A sentence ends with a stop; a line that already ends with punctuation keeps it.
const sentence = (s: string): string => {
  const t = s
    .replace(/\s*\(\s*/g, " (")
    .replace(/\s*\)\s*/g, ") ")
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?)])/g, "$1")
    .trim();
  if (!t) return "";
  return /[.!?…:;]$/.test(t) ? t.replace(/[:;]$/, ".") : `${t}.`;
};

/** The spoken script of a notice (title first), within NOTICE_LIMITS.speechChars (cut at a sentence's end). */
export function deriveSpeechText(title: string, body: string): string {
  const sentences: string[] = [sentence(title)];
  for (const block of parseNoticeBody(body)) {
    const parts = block.kind === "list" ? block.items : block.lines;
    for (const line of parts) sentences.push(sentence(spokenInline(line)));
  }
  const spoken = sentences.filter(Boolean).map((s) => speakNumbers(expandAbbreviations(s)));
  // One link phrase per sentence is enough; the same phrase twice in a row reads badly.
  const joined = spoken.join("\n").replace(new RegExp(`(\\(${LINK_PHRASE}\\)\\s*)+`, "g"), `(${LINK_PHRASE}) `);
  const script = joined
    .replace(/ +\n/g, "\n")
    .replace(/\( ?/g, "(")
    .replace(/ ?\)/g, ")")
    .replace(/ {2,}/g, " ")
    .replace(/ +([.,;!?])/g, "$1")
    .trim();
  return cutAtSentence(script, NOTICE_LIMITS.speechChars);
}

function cutAtSentence(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  const end = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"), head.lastIndexOf("!"), head.lastIndexOf("?"));
  return (end > 0 ? head.slice(0, end + 1) : head).trim();
}
