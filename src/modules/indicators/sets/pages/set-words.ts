// A set's formulas and elements in words, for the set's page: element keys become their names (the catalogue's
// `indicators.element.<key>` for computed elements, the set's own names for manual ones).
import { isMessageKey, type Locale, type Translate } from "../../../../platform/i18n/i18n.ts";
import type { FormulaNode } from "../../formula.ts";
import type { CompiledIndicator } from "../../set-definition.ts";
import type { ResolvedSet } from "../../set-store.ts";

export function elementName(set: ResolvedSet, key: string, t: Translate, locale: Locale): string {
  const m = set.elements.find((e) => e.key === key);
  if (m) return locale === "en" ? m.nameEn : m.name;
  const msg = `indicators.element.${key}`;
  return isMessageKey(msg) ? t(msg) : key;
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;
const SIGN = { "+": "+", "-": "−", "*": "×", "/": "÷" } as const;

function words(n: FormulaNode, name: (key: string) => string, parent = 0): string {
  switch (n.type) {
    case "number":
      return String(n.value);
    case "element":
      return name(n.key);
    case "negate":
      return `−${words(n.arg, name, 3)}`;
    case "binary": {
      const p = PRECEDENCE[n.op];
      const s = `${words(n.left, name, p)} ${SIGN[n.op]} ${words(n.right, name, p + 1)}`;
      return p < parent ? `(${s})` : s;
    }
  }
}

/** "(Dossiers received online) ÷ (Dossiers received) × 100", in the reader's language. */
export function formulaInWords(set: ResolvedSet, ind: CompiledIndicator, t: Translate, locale: Locale): string {
  const name = (k: string) => elementName(set, k, t, locale);
  const numerator = words(ind.num.root, name);
  if (!ind.den) return numerator;
  const denominator = words(ind.den.root, name);
  if (ind.unit === "percent") return t("indicators.sets.formula.percent", { numerator, denominator });
  if (ind.unit === "points") return t("indicators.sets.formula.points", { numerator, denominator, points: ind.points ?? 0 });
  return t("indicators.sets.formula.share", { numerator, denominator });
}
