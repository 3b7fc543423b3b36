/** The community digital teams' work: skills, visits, field sync, coverage, campaigns, trainings (docs/community.md). */
export { createCampaign } from "./use-cases/campaign-create.ts";
export { getCampaign } from "./use-cases/campaign-get.ts";
export { listCampaigns } from "./use-cases/campaign-list.ts";
export { assertKnownSkills } from "./use-cases/campaign-skills.ts";
export { createTraining } from "./use-cases/training-create.ts";
export { getTraining } from "./use-cases/training-get.ts";
export { listTrainings } from "./use-cases/training-list.ts";
export { recordAttendees } from "./use-cases/training-attendees.ts";
export { recognise } from "./use-cases/recognition.ts";
export { BUILT_IN_SKILLS, type Skill, type SkillChecklist, skillsFor } from "./skills.ts";
export { confirmResidentSkill, confirmSkills, type SkillConfirmationInput } from "./use-cases/skills-confirm.ts";
export { computeCoverage, type CoverageInput } from "./use-cases/coverage-compute.ts";
export { GAP_LIMIT, type GapsInput, listGaps } from "./use-cases/coverage-gaps.ts";
/** The field sync, for the demo seed and the CLI (the device posts to /api/v1/field/sync). */
export { applySyncBatch } from "./use-cases/sync-apply-batch.ts";
