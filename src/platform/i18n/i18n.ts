// Vietnamese first, English second. Every string a person reads goes through t().
import { en } from "./catalogue.en.ts";
import { vi, type MessageKey } from "./catalogue.vi.ts";

export type Locale = "vi" | "en";
export const LOCALES: readonly Locale[] = ["vi", "en"];
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isLocale(v: unknown): v is Locale {
  return v === "vi" || v === "en";
}

export function translator(locale: Locale): Translate {
  const cat = catalogues[locale];
  return (key, params) => {
    const template = cat[key] ?? vi[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
  };
}

/** Picks the locale from the user's cookie, else the browser's Accept-Language, else Vietnamese. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(",")
      .map((part) => {
        const [tag = "", ...rest] = part.trim().split(";");
        const q = rest.find((r) => r.trim().startsWith("q="));
        return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q.split("=")[1]) || 0 : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  }
  return "vi";
}
