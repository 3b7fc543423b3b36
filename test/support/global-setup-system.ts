import type { TestProject } from "vitest/node";
import { dropDatabase, prepareTemplate, SYSTEM_PG_URL, systemReachable } from "./engines.ts";

export default async function setup(project: TestProject) {
  const problem = await systemReachable(SYSTEM_PG_URL);
  if (problem) {
    // Under CI an unreachable PostgreSQL fails the run: CI must never pass on one engine silently.
    if (process.env.CI === "true") throw new Error(`System PostgreSQL at ${SYSTEM_PG_URL} is unreachable under CI=true: ${problem}`);
    process.stderr.write(`\n*** NOTICE: system PostgreSQL unreachable (${problem}); its test leg is SKIPPED. ***\n\n`);
    project.provide("engine", { available: false, adminUrl: SYSTEM_PG_URL, template: "", reason: problem });
    return;
  }
  const template = await prepareTemplate(SYSTEM_PG_URL);
  project.provide("engine", { available: true, adminUrl: SYSTEM_PG_URL, template });
  return async () => {
    await dropDatabase(SYSTEM_PG_URL, template).catch(() => undefined);
  };
}
