/** The community digital teams' work: skills, visits, field sync, coverage, campaigns, trainings (docs/community.md). */
export {};
