// The SMS version of a notice: title and body flattened, without diacritics in GSM-7, within NOTICE_LIMITS.smsSegments
// parts. Links and every number (dates, times, phones, amounts) are passed to toSmsText as tokens to keep, so a
// shortened text loses words at its end but never half a link or a number. When even that does not fit, the officer
// must shorten the notice or write the SMS text themselves: nothing is sent cut in the middle of what matters.
import { countSmsSegments, toGsm7, toSmsText } from "../../notifications/index.ts";
import { NOTICE_LIMITS } from "../notices.model.ts";
import { noticeBodyPlain } from "../notice-text.ts";

/** Characters of GSM-7 in two concatenated parts (153 each). */
export const SMS_MAX_CHARS = 153 * NOTICE_LIMITS.smsSegments;

export type SmsVersion =
  | { ok: true; text: string; segments: number; chars: number; shortened: boolean }
  | { ok: false; text: string; segments: number; chars: number; max: number };

const URL_RE = /https?:\/\/\S+/g;
// A run of digits with the separators dates, times, phones and amounts use inside them (12/02/2026, 7h30, 0912.345.678).
const NUMBER_RE = /\+?\d(?:[\d.,:/\-h]*\d)?/g;

/** What toSmsText must never cut: every link and every number of the text. */
export function smsKeepTokens(text: string): string[] {
  const urls = text.match(URL_RE) ?? [];
  const withoutUrls = text.replace(URL_RE, " ");
  const numbers = withoutUrls.match(NUMBER_RE) ?? [];
  return [...new Set([...urls, ...numbers])];
}

const collapse = (s: string) => s.replace(/\s+/g, (ws) => (ws.includes("\n") ? "\n" : " ")).trim();

/** The SMS text derived from a notice's title and body. */
export function deriveSmsText(title: string, body: string): SmsVersion {
  const source = `${title.trim()}\n${noticeBodyPlain(body)}`;
  const r = toSmsText(source, { maxSegments: NOTICE_LIMITS.smsSegments, keep: smsKeepTokens(source) });
  const chars = [...r.text].length;
  if (r.segments > NOTICE_LIMITS.smsSegments) return { ok: false, text: r.text, segments: r.segments, chars, max: SMS_MAX_CHARS };
  return { ok: true, text: r.text, segments: r.segments, chars, shortened: r.truncated };
}

/** An officer's own SMS text, converted the way it will be sent; never shortened (they wrote it), refused when too long. */
export function checkSmsText(raw: string): SmsVersion {
  const text = collapse(toGsm7(raw));
  const { segments } = countSmsSegments(text);
  const chars = [...text].length;
  if (segments > NOTICE_LIMITS.smsSegments) return { ok: false, text, segments, chars, max: SMS_MAX_CHARS };
  return { ok: true, text, segments, chars, shortened: false };
}
