// A person's choice as the rows hold it. A person may match several rows (their phone from an SMS STOP, their account,
// their registry entry); the effective choice is the most careful reading of all of them: a refusal on any row wins.
import { NOTICE_CATEGORIES, type NoticeCategory } from "../notices.model.ts";
import { OPT_IN_CHANNELS, PREFERENCE_CHANNELS, type PreferenceChannel } from "./preferences.contract.ts";

export type Choice = { sms: boolean; zalo: boolean; email: boolean; categoriesOff: NoticeCategory[] };
export type PreferenceColumns = { channelsOff: string[]; channelsOn: string[]; categoriesOff: string[] };

/** Nothing recorded: SMS and e-mail on, Zalo not accepted, every category. */
export const DEFAULT_CHOICE: Choice = { sms: true, zalo: false, email: true, categoriesOff: [] };

const isCategory = (c: string): c is NoticeCategory => (NOTICE_CATEGORIES as readonly string[]).includes(c);

export function choiceOf(rows: readonly PreferenceColumns[]): Choice {
  const off = new Set(rows.flatMap((r) => r.channelsOff));
  const on = new Set(rows.flatMap((r) => r.channelsOn));
  const has = (ch: PreferenceChannel) => !off.has(ch) && (OPT_IN_CHANNELS.includes(ch) ? on.has(ch) : true);
  const categoriesOff = [...new Set(rows.flatMap((r) => r.categoriesOff))].filter(isCategory).filter((c) => c !== "emergency");
  return { sms: has("sms"), zalo: has("zalo"), email: has("email"), categoriesOff: categoriesOff.sort() };
}

/** The row's columns for a choice: every channel said no to is refused; opt-in channels said yes to are accepted. */
export function columnsOf(choice: Choice): PreferenceColumns {
  const channelsOff = PREFERENCE_CHANNELS.filter((ch) => !choice[ch]);
  const channelsOn = PREFERENCE_CHANNELS.filter((ch) => choice[ch] && OPT_IN_CHANNELS.includes(ch));
  return { channelsOff, channelsOn, categoriesOff: [...new Set(choice.categoriesOff)].filter((c) => c !== "emergency").sort() };
}

/** Whether a notice of this category may go to the person on this per-person channel. */
export function accepts(choice: Choice, channel: PreferenceChannel, category: NoticeCategory): boolean {
  return choice[channel] && (category === "emergency" || !choice.categoriesOff.includes(category));
}

/** What changed, for the consent entry and the audit: ["sms: on → off", "categories: +events"]. */
export function changesBetween(before: Choice, after: Choice): string[] {
  const out: string[] = [];
  for (const ch of PREFERENCE_CHANNELS) if (before[ch] !== after[ch]) out.push(`${ch}:${after[ch] ? "on" : "off"}`);
  for (const c of after.categoriesOff) if (!before.categoriesOff.includes(c)) out.push(`category:${c}:off`);
  for (const c of before.categoriesOff) if (!after.categoriesOff.includes(c)) out.push(`category:${c}:on`);
  return out;
}
