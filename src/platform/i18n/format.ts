// Vietnamese formats: 23/11/2026, 1.234.567 ₫. The time zone is always Vietnam's.
import type { Locale } from "./i18n.ts";

const TZ = "Asia/Ho_Chi_Minh";
const tag = (l: Locale) => (l === "vi" ? "vi-VN" : "en-GB");
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function fmt<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function formatDate(d: Date, locale: Locale = "vi"): string {
  return fmt(`d${locale}`, () => new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" })).format(d);
}

export function formatDateTime(d: Date, locale: Locale = "vi"): string {
  const time = fmt(`t${locale}`, () => new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })).format(d);
  return `${time} ${formatDate(d, locale)}`;
}

export function formatNumber(n: number, locale: Locale = "vi"): string {
  // Vietnamese groups thousands with "." in both locales' money, but English readers expect ",".
  return fmt(`n${locale}`, () => new Intl.NumberFormat(tag(locale))).format(n);
}

export function formatMoney(amountVnd: number, locale: Locale = "vi"): string {
  return `${formatNumber(amountVnd, locale)}\u00a0₫`;
}

/** A share (0.123) as a percentage with at most one decimal: 12,3 % in Vietnamese, 12.3% in English. */
export function formatPercent(share: number, locale: Locale = "vi"): string {
  return fmt(`p${locale}`, () => new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 1 })).format(share);
}

/** A decimal number with at most two decimals (an average of days). */
export function formatDecimal(n: number, locale: Locale = "vi"): string {
  return fmt(`f${locale}`, () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 })).format(n);
}
