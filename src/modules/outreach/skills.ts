// A province's skill checklist: the built-in defaults (labels from the catalogue) until the province saves its
// own list in skill_definitions (add, rename, reorder, deactivate). Migration 0024's coverage_default_skills()
// repeats the built-in keys for the coverage rollups; a test keeps the two equal.
import type { Deps } from "../../deps.ts";
import type { Queryable } from "../../platform/db/database.ts";
import { translator } from "../../platform/i18n/i18n.ts";

export const BUILT_IN_SKILLS = ["vneid_level2", "cashless_payment", "online_public_service", "online_shopping", "cyber_safety", "citizen_app"] as const;
export type BuiltInSkill = (typeof BUILT_IN_SKILLS)[number];

export type Skill = { key: string; labelVi: string; labelEn: string; sort: number; active: boolean };
export type SkillChecklist = { provinceCode: string; custom: boolean; skills: Skill[] };

export function builtInSkills(): Skill[] {
  const vi = translator("vi");
  const en = translator("en");
  return BUILT_IN_SKILLS.map((key, i) => ({
    key,
    labelVi: vi(`skills.default.${key}`),
    labelEn: en(`skills.default.${key}`),
    sort: (i + 1) * 10,
    active: true,
  }));
}

export async function loadChecklist(q: Queryable, provinceCode: string): Promise<SkillChecklist> {
  const { rows } = await q.query<Skill>(
    `SELECT key, label_vi AS "labelVi", label_en AS "labelEn", sort, active FROM skill_definitions WHERE province_code = $1 ORDER BY sort, key`,
    [provinceCode],
  );
  return rows.length > 0 ? { provinceCode, custom: true, skills: rows } : { provinceCode, custom: false, skills: builtInSkills() };
}

/** Every skill of a province's checklist (active or not), in its order. Other parts (the field app, campaigns) use it. */
export async function skillsFor(deps: Pick<Deps, "db">, provinceCode: string): Promise<Skill[]> {
  return (await loadChecklist(deps.db, provinceCode)).skills;
}

/** The province of a unit path ("/15/02923/…" → "15"). */
export const provinceOfPath = (path: string): string => path.split("/")[1] ?? "";

export const skillLabel = (s: Pick<Skill, "labelVi" | "labelEn">, locale: "vi" | "en") => (locale === "en" ? s.labelEn : s.labelVi);
