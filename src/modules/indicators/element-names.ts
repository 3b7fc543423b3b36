// An element's name in the reader's language: a computed element's from the catalogue (`indicators.element.<key>`),
// a manual one's from the set that defines it, else its key. One rule for the pages, the set's words and the files.
import { isMessageKey, type Locale, type Translate } from "../../platform/i18n/i18n.ts";
import type { ResolvedSet } from "./set-store.ts";

export function elementName(set: Pick<ResolvedSet, "elements"> | null, key: string, t: Translate, locale: Locale): string {
  const m = set?.elements.find((e) => e.key === key);
  if (m) return locale === "en" ? m.nameEn : m.name;
  const msg = `indicators.element.${key}`;
  return isMessageKey(msg) ? t(msg) : key;
}
