// A fresh database per test file, copied from the run's migrated template on the current engine.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, inject } from "vitest";
import { createDatabase, type Database } from "../../src/platform/db/database.ts";
import { type EngineInfo, withDatabase } from "./engines.ts";

declare module "vitest" {
  export interface ProvidedContext {
    engine: EngineInfo;
  }
}

export const engineName = () => process.env.XASO_TEST_ENGINE ?? "unknown";
export const engine = () => inject("engine");

/** describe() that is skipped, visibly, when this run's engine is unavailable (never under CI=true). */
export const describeDb = (name: string, fn: () => void) => describe.skipIf(!engine()?.available)(`${name} [${engineName()}]`, fn);

export type TestDatabase = { db: Database; url: string; name: string; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template } = engine();
  const name = `xaso_t_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        // Two files copying the template at the same instant can collide; the copy itself is safe to retry.
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 50 + attempt * 25));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = createDatabase(url, { max: 5 });
  return {
    db,
    url,
    name,
    async drop() {
      await db.close().catch(() => undefined);
      const a = new pg.Client(adminUrl);
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
