// Which skill keys a campaign or a training may name. The province's checklist (skill_definitions) when it has one;
// otherwise any well-formed key, until the built-in default checklist (outreach/skills.ts) is wired in here: this is
// the one function to swap, every use case of this area calls it.
import type { Deps } from "../../../deps.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";

const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** The active keys of a province's checklist, or null when the province keeps the defaults. */
async function provinceKeys(deps: Pick<Deps, "db">, provinceCode: string): Promise<Set<string> | null> {
  const { rows } = await deps.db.query<{ key: string; active: boolean }>("SELECT key, active FROM skill_definitions WHERE province_code = $1", [provinceCode]);
  if (rows.length === 0) return null;
  return new Set(rows.filter((r) => r.active).map((r) => r.key));
}

/** Throws a 400 naming each unknown key's field (`field` for one key, `field.i` for a list). */
export async function assertKnownSkills(deps: Pick<Deps, "db">, unitPath: string, keys: readonly string[], field: string, list = false): Promise<void> {
  const province = unitPath.split("/")[1] ?? "";
  const known = await provinceKeys(deps, province);
  const errors: FieldError[] = [];
  keys.forEach((key, i) => {
    if (!KEY.test(key) || (known && !known.has(key)))
      errors.push({ field: list ? `${field}.${i}` : field, code: "unknown_skill", message: "campaigns.error.unknownSkill", params: { skill: key } });
  });
  if (errors.length) throw new AppError("validation", "error.validation", errors);
}

/** Labels of the province's checklist; a key without one is shown as itself. */
export async function skillLabels(deps: Pick<Deps, "db">, unitPath: string): Promise<Map<string, { vi: string; en: string }>> {
  const province = unitPath.split("/")[1] ?? "";
  const { rows } = await deps.db.query<{ key: string; label_vi: string; label_en: string }>(
    "SELECT key, label_vi, label_en FROM skill_definitions WHERE province_code = $1",
    [province],
  );
  return new Map(rows.map((r) => [r.key, { vi: r.label_vi, en: r.label_en }]));
}
