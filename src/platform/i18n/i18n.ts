// Vietnamese first, English second. Every string a person reads goes through t().
// The platform owns only its core texts; each module registers its own catalogue at composition
// (src/modules.ts), and declares its keys into MessageCatalogue so that t() stays type-checked.
import { coreEn } from "./catalogue.en.ts";
import { type CoreMessages, coreVi } from "./catalogue.vi.ts";

export type Locale = "vi" | "en";
export const LOCALES: readonly Locale[] = ["vi", "en"];

/** Every message key: the core's, plus each module's (added by `declare module` in its messages file). */
export interface MessageCatalogue extends CoreMessages {}
export type MessageKey = keyof MessageCatalogue & string;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Locale, Record<string, string>> = { vi: { ...coreVi }, en: { ...coreEn } };

/** Adds a module's texts. Called by the composition root; a key registered twice with other text is a bug. */
export function registerMessages(vi: Record<string, string>, en: Record<string, string>): void {
  for (const [locale, texts] of [
    ["vi", vi],
    ["en", en],
  ] as const) {
    const cat = catalogues[locale];
    for (const [key, text] of Object.entries(texts)) {
      if (key in cat && cat[key] !== text) throw new Error(`i18n: message key "${key}" registered twice with different ${locale} texts`);
      cat[key] = text;
    }
  }
}

/** True when the key exists (in Vietnamese, the source of keys): for keys read back from cookies or data. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues.vi, key);
}

/** The merged catalogue of one locale, as registered so far (for tests and the CLI's checks). */
export function messagesOf(locale: Locale): Readonly<Record<string, string>> {
  return catalogues[locale];
}

export function isLocale(v: unknown): v is Locale {
  return v === "vi" || v === "en";
}

export function translator(locale: Locale): Translate {
  const cat = catalogues[locale];
  const fallback = catalogues.vi;
  return (key, params) => {
    const template = cat[key] ?? fallback[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
  };
}

/**
 * Pages: the person's own choice (the language cookie), else Vietnamese, whatever the browser's language: a
 * commune office's browser set to English must not turn the desk English. The API (`api: true`) keeps
 * honouring Accept-Language, which a program sets on purpose.
 */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined, opts: { api?: boolean } = {}): Locale {
  if (isLocale(cookie)) return cookie;
  if (opts.api && acceptLanguage) {
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
