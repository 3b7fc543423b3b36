// Indicator formulas over data elements: `dossier_received_online / dossier_received`, `(a + b) * 100`. Parsed by
// jsep (a maintained expression parser; docs/adr/0016-indicators.md) and then held to a small arithmetic grammar:
// numbers, element keys, + - * / and parentheses. Nothing is ever evaluated as code.
import jsep from "jsep";

export type FormulaNode =
  | { type: "number"; value: number }
  | { type: "element"; key: string }
  | { type: "negate"; arg: FormulaNode }
  | { type: "binary"; op: "+" | "-" | "*" | "/"; left: FormulaNode; right: FormulaNode };

export type Formula = { source: string; root: FormulaNode; elements: string[] };

export class FormulaError extends Error {
  constructor(
    readonly reason: "syntax" | "unsupported",
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = "FormulaError";
  }
}

const OPS = new Set(["+", "-", "*", "/"]);

function convert(n: jsep.Expression, seen: Set<string>): FormulaNode {
  switch (n.type) {
    case "Literal": {
      if (typeof n.value !== "number" || !Number.isFinite(n.value)) throw new FormulaError("unsupported", String(n.raw));
      return { type: "number", value: n.value };
    }
    case "Identifier": {
      const key = String(n.name);
      seen.add(key);
      return { type: "element", key };
    }
    case "UnaryExpression": {
      if (n.operator === "+") return convert(n.argument as jsep.Expression, seen);
      if (n.operator !== "-") throw new FormulaError("unsupported", String(n.operator));
      return { type: "negate", arg: convert(n.argument as jsep.Expression, seen) };
    }
    case "BinaryExpression": {
      const op = String(n.operator);
      if (!OPS.has(op)) throw new FormulaError("unsupported", op);
      return {
        type: "binary",
        op: op as "+" | "-" | "*" | "/",
        left: convert(n.left as jsep.Expression, seen),
        right: convert(n.right as jsep.Expression, seen),
      };
    }
    default:
      throw new FormulaError("unsupported", n.type);
  }
}

/** Parses a formula; throws FormulaError on anything beyond arithmetic over element keys. */
export function parseFormula(source: string): Formula {
  if (source.length > 500) throw new FormulaError("syntax", "too long");
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch (err) {
    throw new FormulaError("syntax", err instanceof Error ? err.message : String(err));
  }
  if (!ast || (ast.type === "Compound" && (ast.body as unknown[]).length === 0)) throw new FormulaError("syntax", "empty");
  const seen = new Set<string>();
  const root = convert(ast, seen);
  return { source, root, elements: [...seen] };
}

/** The value of a formula; null when an element it needs has no value, or on a division by zero. */
export function evaluate(node: FormulaNode, values: ReadonlyMap<string, number | null>): number | null {
  switch (node.type) {
    case "number":
      return node.value;
    case "element":
      return values.get(node.key) ?? null;
    case "negate": {
      const v = evaluate(node.arg, values);
      return v === null ? null : -v;
    }
    case "binary": {
      const l = evaluate(node.left, values);
      const r = evaluate(node.right, values);
      if (l === null || r === null) return null;
      if (node.op === "+") return l + r;
      if (node.op === "-") return l - r;
      if (node.op === "*") return l * r;
      return r === 0 ? null : l / r;
    }
  }
}

/**
 * True when a denominator is zero whatever the elements hold (`0`, `a - a`, `0 * a`): it is tried with several sets
 * of unrelated positive values, and a formula that is zero for all of them is zero always (for + - * / of
 * elements, a non-zero rational function vanishes only on a thin set these do not fall on).
 */
export function alwaysZero(f: Formula): boolean {
  const samples = [
    [7, 13],
    [3, 29],
    [101, 5],
  ];
  for (const [a, b] of samples) {
    const values = new Map(f.elements.map((k, i) => [k, (a as number) + (b as number) * (i + 1) + i * i] as const));
    const v = evaluate(f.root, values);
    if (v === null || Math.abs(v) > 1e-9) return false;
  }
  return true;
}
