// Writes docs/openapi.json from the zod contracts. A test fails when the committed file drifts.
import { writeFile } from "node:fs/promises";
import pino from "pino";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { wireDeps } from "../src/bootstrap.ts";
import { openApiDocument } from "../src/platform/http/api-docs.tsx";
import type { Database } from "../src/platform/db/database.ts";

export function currentOpenApi() {
  // The document depends only on the routes, so no database is needed to build it.
  const deps = wireDeps(loadConfig({ NODE_ENV: "test" }), {} as Database, pino({ level: "silent" }));
  return `${JSON.stringify(openApiDocument(createApp(deps).openapi), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(new URL("../docs/openapi.json", import.meta.url), currentOpenApi());
  process.stdout.write("docs/openapi.json written\n");
}
