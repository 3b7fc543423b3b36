// A registry field's value in words, for the conflict pages.
import type { MessageKey, Translate } from "../../../../platform/i18n/i18n.ts";

const CODED = new Set(["poverty", "sex", "relationToHead"]);

export function fieldLabel(t: Translate, field: string): string {
  return t(`sync.field.${field}` as MessageKey);
}

export function valueText(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("sync.value.none");
  if (Array.isArray(value)) return value.map((v) => t(`sync.value.${String(v)}` as MessageKey)).join(", ");
  if (CODED.has(field)) return t(`sync.value.${String(value)}` as MessageKey);
  return String(value);
}
