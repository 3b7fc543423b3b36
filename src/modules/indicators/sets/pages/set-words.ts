// A set's formulas in words, for the set's page: element keys become their names (element-names.ts).
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { elementName } from "../../element-names.ts";
import type { FormulaNode } from "../../formula.ts";
import type { CompiledIndicator } from "../../set-definition.ts";
import type { ResolvedSet } from "../../set-store.ts";

export { elementName };

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
