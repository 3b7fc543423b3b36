// An indicator set as data (bộ chỉ số): its groups, its manual elements and its indicators with their formulas,
// units, direction and thresholds. The same schema checks a shipped set (sets/shipped/*.json), an import (JSON or
// XLSX) and the API; validateSetDefinition then checks what a schema cannot: formulas over known elements, no
// denominator that is always zero, keys unique, groups that exist.
import { z } from "@hono/zod-openapi";
import { AppError, type FieldError, fieldErrorsFromZod } from "../../platform/http/app-error.ts";
import { COMPUTED_ELEMENTS } from "./elements/element-catalogue.ts";
import { alwaysZero, type Formula, FormulaError, parseFormula } from "./formula.ts";

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
const Name = z.string().trim().min(1).max(200);
const Text = z.string().max(2000).optional();

export const ManualElementSchema = z.strictObject({
  key: Key,
  name: Name,
  nameEn: Name,
  description: Text,
  descriptionEn: Text,
  valueType: z.enum(["integer", "number", "percent"]),
  min: z.number().optional(),
  max: z.number().optional(),
  /** sum: the periods' values add up (sessions held); last: a stock read at the period's end (villages with fibre). */
  aggregation: z.enum(["sum", "last"]),
  /** How often a commune enters it. */
  frequency: z.enum(["month", "quarter", "year"]),
  evidenceRequired: z.boolean().default(false),
});

export const IndicatorSchema = z.strictObject({
  key: Key,
  name: Name,
  nameEn: Name,
  description: Text,
  descriptionEn: Text,
  group: Key.optional(),
  /** percent: numerator ÷ denominator × 100; ratio: ÷ only; points: the share × points; count: the numerator alone. */
  unit: z.enum(["percent", "ratio", "points", "count"]),
  direction: z.enum(["up", "down"]).default("up"),
  numerator: z.string().min(1).max(500),
  denominator: z.string().min(1).max(500).optional(),
  /** For unit points: the most the indicator scores (Decision 766 groups). */
  points: z.number().positive().max(1000).optional(),
  /** Colours, in the indicator's unit: at or beyond `good` green, at or beyond `warn` amber, else red. */
  thresholds: z.strictObject({ good: z.number(), warn: z.number() }).optional(),
  /** Shown on the public page. */
  public: z.boolean().default(false),
  /** The element whose records a drill-down lists (dossiers late, households without a proficient member). */
  records: Key.optional(),
});

export const GroupSchema = z.strictObject({ key: Key, name: Name, nameEn: Name, points: z.number().positive().max(1000).optional() });

export const IndicatorSetDefinitionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  name: Name,
  nameEn: Name,
  description: Text,
  descriptionEn: Text,
  /** The sum of the points indicators is an index (Decision 766): shown as the set's total. */
  index: z.boolean().default(false),
  groups: z.array(GroupSchema).max(50).default([]),
  elements: z.array(ManualElementSchema).max(200).default([]),
  indicators: z.array(IndicatorSchema).min(1).max(200),
});

export type ManualElement = z.infer<typeof ManualElementSchema>;
export type IndicatorDefinition = z.infer<typeof IndicatorSchema>;
export type IndicatorGroup = z.infer<typeof GroupSchema>;
export type IndicatorSetDefinition = z.infer<typeof IndicatorSetDefinitionSchema>;

/** An indicator with its formulas parsed (what the computation uses). */
export type CompiledIndicator = IndicatorDefinition & { num: Formula; den: Formula | null };
export type CompiledSet = IndicatorSetDefinition & { compiled: CompiledIndicator[]; manualKeys: Set<string> };

const fe = (field: string, code: string, message: FieldError["message"], params?: Record<string, string | number>): FieldError => ({
  field,
  code,
  message,
  ...(params ? { params } : {}),
});

/**
 * Parses and checks a set definition (unknown input: JSON body, import, shipped file). Throws a 400 whose fields name
 * the place, e.g. `indicators.3.denominator`; returns the set with its formulas compiled.
 */
export function compileSetDefinition(input: unknown, fieldPrefix = ""): CompiledSet {
  const parsed = IndicatorSetDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error.issues).map((e) => ({ ...e, field: fieldPrefix + e.field }));
    throw new AppError("validation", "error.validation", errors);
  }
  const def = parsed.data;
  const errors: FieldError[] = [];
  const computed = new Set(COMPUTED_ELEMENTS.map((e) => e.key));
  const manualKeys = new Set<string>();
  def.elements.forEach((m, i) => {
    if (computed.has(m.key) || manualKeys.has(m.key))
      errors.push(fe(`${fieldPrefix}elements.${i}.key`, "duplicate", "indicators.set.duplicateKey", { key: m.key }));
    if (m.min !== undefined && m.max !== undefined && m.min > m.max) errors.push(fe(`${fieldPrefix}elements.${i}.max`, "range", "indicators.set.badRange"));
    manualKeys.add(m.key);
  });
  const groups = new Set<string>();
  def.groups.forEach((g, i) => {
    if (groups.has(g.key)) errors.push(fe(`${fieldPrefix}groups.${i}.key`, "duplicate", "indicators.set.duplicateKey", { key: g.key }));
    groups.add(g.key);
  });
  const known = (k: string) => computed.has(k) || manualKeys.has(k);
  const seen = new Set<string>();
  const compiled: CompiledIndicator[] = [];
  def.indicators.forEach((ind, i) => {
    const at = `${fieldPrefix}indicators.${i}`;
    if (seen.has(ind.key)) errors.push(fe(`${at}.key`, "duplicate", "indicators.set.duplicateKey", { key: ind.key }));
    seen.add(ind.key);
    if (ind.group && !groups.has(ind.group)) errors.push(fe(`${at}.group`, "unknown", "indicators.set.unknownGroup", { key: ind.group }));
    if (ind.records && !known(ind.records)) errors.push(fe(`${at}.records`, "unknown", "indicators.set.unknownElement", { key: ind.records }));
    const formula = (src: string | undefined, field: "numerator" | "denominator"): Formula | null => {
      if (src === undefined) return null;
      try {
        const f = parseFormula(src);
        const unknown = f.elements.filter((k) => !known(k));
        if (unknown.length > 0) {
          errors.push(fe(`${at}.${field}`, "unknown_element", "indicators.set.unknownElement", { key: unknown.join(", ") }));
          return null;
        }
        return f;
      } catch (err) {
        if (!(err instanceof FormulaError)) throw err;
        errors.push(fe(`${at}.${field}`, "formula", "indicators.set.badFormula", { detail: err.detail }));
        return null;
      }
    };
    const num = formula(ind.numerator, "numerator");
    const den = formula(ind.denominator, "denominator");
    if (ind.unit !== "count" && ind.denominator === undefined) errors.push(fe(`${at}.denominator`, "required", "indicators.set.denominatorRequired"));
    if (den && alwaysZero(den)) errors.push(fe(`${at}.denominator`, "always_zero", "indicators.set.alwaysZero"));
    if (ind.unit === "points" && ind.points === undefined) errors.push(fe(`${at}.points`, "required", "indicators.set.pointsRequired"));
    if (num) compiled.push({ ...ind, num, den });
  });
  if (errors.length > 0) throw new AppError("validation", "error.validation", errors);
  return { ...def, compiled, manualKeys };
}
