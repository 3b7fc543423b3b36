// SMS text policy. One Unicode (UCS-2) SMS carries 70 characters (67 per part when concatenated) and costs
// two to three times more, so Vietnamese operators' brandname SMS are normally sent without diacritics in
// GSM-7 (160 septets, 153 per part). We therefore always send GSM-7: diacritics are stripped ("Hồ sơ" →
// "Ho so", đ → d), typographic punctuation gets its ASCII form, anything else outside GSM-7 becomes "?".
// A message longer than maxSegments is shortened at a word boundary with "...", but the tokens the caller
// must keep (dossier code, status URL, one-time code) are never cut; templates put them first, so what is
// lost is the tail of the sentence, never the part the citizen needs to act on.

// GSM 03.38 basic character set (one septet each; \x1b is the escape to the extension table, not a character).
const GSM_BASIC = new Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
// Extension table: each costs two septets (escape + character).
const GSM_EXTENDED = new Set("\f^{}\\[~]|€");

const SUBSTITUTES: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "`": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u00ab": '"',
  "\u00bb": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2026": "...",
  "\u2022": "-",
  "\u00b7": "-",
  "\u00d7": "x",
  "\u00b0": "o",
  "\u00a9": "(c)",
  "\u2116": "No",
};

export type SmsEncoding = "GSM-7" | "UCS-2";
export type SmsText = { text: string; encoding: "GSM-7"; segments: number; truncated: boolean };

const septets = (ch: string) => (GSM_EXTENDED.has(ch) ? 2 : 1);
const isGsm = (ch: string) => GSM_BASIC.has(ch) || GSM_EXTENDED.has(ch);

/** Vietnamese (or any) text to the GSM-7 character set, without diacritics. */
export function toGsm7(text: string): string {
  const folded = text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "");
  let out = "";
  for (const ch of folded.replace(/[\t\v\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ")) {
    out += isGsm(ch) ? ch : (SUBSTITUTES[ch] ?? "?");
  }
  return out;
}

/**
 * Parts needed to send text, in its cheapest encoding. An extension character is never split across two
 * parts (the escape and its character travel together), so parts are filled character by character.
 */
export function countSmsSegments(text: string): { encoding: SmsEncoding; segments: number } {
  if (text === "") return { encoding: "GSM-7", segments: 0 };
  const chars = [...text];
  const gsm = chars.every(isGsm);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  // UCS-2 counts UTF-16 units: a character outside the BMP (emoji) takes two.
  const cost = (ch: string) => (gsm ? septets(ch) : ch.length);
  const total = chars.reduce((n, ch) => n + cost(ch), 0);
  if (total <= single) return { encoding: gsm ? "GSM-7" : "UCS-2", segments: 1 };
  let segments = 1;
  let used = 0;
  for (const ch of chars) {
    const c = cost(ch);
    if (used + c > part) {
      segments++;
      used = 0;
    }
    used += c;
  }
  return { encoding: gsm ? "GSM-7" : "UCS-2", segments };
}

/** Ranges [start, end) of every occurrence of the keep tokens in text. */
function keptRanges(text: string, keep: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const k of keep) {
    if (!k) continue;
    for (let i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + k.length)) ranges.push([i, i + k.length]);
  }
  return ranges;
}

/**
 * The text as it will be sent: GSM-7 without diacritics, whitespace collapsed, and shortened to maxSegments
 * parts at a word boundary with "..." when needed. keep lists tokens that must survive (converted the same
 * way); if they alone exceed the limit, the result is longer than maxSegments rather than losing them.
 */
export function toSmsText(text: string, opts: { maxSegments?: number; keep?: string[] } = {}): SmsText {
  const maxSegments = opts.maxSegments ?? 2;
  const segmentsOf = (t: string) => countSmsSegments(t).segments;
  const converted = collapse(toGsm7(text));
  if (segmentsOf(converted) <= maxSegments) return { text: converted, encoding: "GSM-7", segments: segmentsOf(converted), truncated: false };

  // Words with the whitespace before them; a word touching a kept token is protected.
  const ranges = keptRanges(
    converted,
    (opts.keep ?? []).map((k) => collapse(toGsm7(k))),
  );
  const words: Array<{ sep: string; text: string; keep: boolean; removed: boolean }> = [];
  for (const m of converted.matchAll(/(\s*)(\S+)/g)) {
    const sep = m[1] ?? "";
    const word = m[2] ?? "";
    const start = m.index + sep.length;
    const end = start + word.length;
    words.push({ sep, text: word, keep: ranges.some(([a, b]) => a < end && start < b), removed: false });
  }
  // Removed runs become one "..." glued to the word before them (trailing punctuation dropped: "ngay,...").
  const render = () => {
    let out = "";
    let gap = false;
    const ellipsis = () => (out = `${out.replace(/[,;:.-]+$/, "")}...`);
    for (const w of words) {
      if (w.removed) {
        gap = true;
        continue;
      }
      if (gap) ellipsis();
      gap = false;
      out += out ? w.sep : "";
      out += w.text;
    }
    if (gap) ellipsis();
    return out;
  };
  // Drop the last removable word until it fits: the end of the message goes first.
  let result = converted;
  for (let i = words.length - 1; i >= 0 && segmentsOf(result) > maxSegments; i--) {
    const w = words[i];
    if (!w || w.keep) continue;
    w.removed = true;
    result = render();
  }
  return { text: result, encoding: "GSM-7", segments: segmentsOf(result), truncated: true };
}

// Runs of whitespace become one space, or one newline if they held a line break (both cost one septet).
function collapse(s: string): string {
  return s.replace(/\s+/g, (ws) => (ws.includes("\n") || ws.includes("\r") ? "\n" : " ")).trim();
}
