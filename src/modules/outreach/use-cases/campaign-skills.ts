// Which skill keys a campaign or a training may name: the active skills of the province's checklist
// (outreach/skills.ts: the built-in defaults until the province saves its own list).
import type { Deps } from "../../../deps.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { loadChecklist, provinceOfPath } from "../skills.ts";

/** Throws a 400 naming each unknown or inactive key's field (`field` for one key, `field.i` for a list). */
export async function assertKnownSkills(deps: Pick<Deps, "db">, unitPath: string, keys: readonly string[], field: string, list = false): Promise<void> {
  const { skills } = await loadChecklist(deps.db, provinceOfPath(unitPath));
  const known = new Set(skills.filter((s) => s.active).map((s) => s.key));
  const errors: FieldError[] = [];
  keys.forEach((key, i) => {
    if (!known.has(key))
      errors.push({ field: list ? `${field}.${i}` : field, code: "unknown_skill", message: "campaigns.error.unknownSkill", params: { skill: key } });
  });
  if (errors.length) throw new AppError("validation", "error.validation", errors);
}

/** Labels of the province's checklist (inactive skills too); a key without one is shown as itself. */
export async function skillLabels(deps: Pick<Deps, "db">, unitPath: string): Promise<Map<string, { vi: string; en: string }>> {
  const { skills } = await loadChecklist(deps.db, provinceOfPath(unitPath));
  return new Map(skills.map((s) => [s.key, { vi: s.labelVi, en: s.labelEn }]));
}
