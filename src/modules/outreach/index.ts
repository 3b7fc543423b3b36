export { BUILT_IN_SKILLS, type Skill, type SkillChecklist, skillsFor } from "./skills.ts";
export { confirmResidentSkill, confirmSkills, type SkillConfirmationInput } from "./use-cases/skills-confirm.ts";
export { computeCoverage, type CoverageInput } from "./use-cases/coverage-compute.ts";
export { GAP_LIMIT, type GapsInput, listGaps } from "./use-cases/coverage-gaps.ts";
