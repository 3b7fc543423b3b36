// Replies residents send by SMS reach one address (the gateway's inbound callback, preferences part). The first word
// picks the handler: STOP/DK are the preferences' own; other modules add keywords through the composition root
// (src/modules.ts), e.g. the hall's "SO A" for a queue ticket, so notices never imports them.
import type { Deps } from "../../deps.ts";

export type InboundSms = {
  /** The sender, E.164. */
  from: string;
  /** The text as received. */
  text: string;
  /** The text folded to upper-case ASCII words (no diacritics): ["SO", "A"]. */
  words: string[];
};

export type SmsKeywordHandler = {
  /** First words it answers (upper-case ASCII). */
  keywords: readonly string[];
  /** The reply to text back (GSM-7 plain text), or null for none. */
  handle(deps: Deps, sms: InboundSms): Promise<{ reply: string | null }>;
};

export type NoticesSlots = { smsKeywords: readonly SmsKeywordHandler[] };
