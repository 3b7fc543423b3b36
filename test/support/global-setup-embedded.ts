import type { TestProject } from "vitest/node";
import { dropDatabase, prepareTemplate, startEmbeddedForTests } from "./engines.ts";

export default async function setup(project: TestProject) {
  const server = await startEmbeddedForTests();
  const template = await prepareTemplate(server.adminUrl);
  project.provide("engine", { available: true, adminUrl: server.adminUrl, template });
  return async () => {
    await dropDatabase(server.adminUrl, template).catch(() => undefined);
    await server.stop();
  };
}
