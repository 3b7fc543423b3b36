// A fresh database per test file, copied from the run's migrated template on the current engine.
import { randomBytes } from "node:crypto";
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, inject } from "vitest";
import { createDatabase, type Database } from "../../src/platform/db/database.ts";
import { MIGRATIONS_DIR, migrate } from "../../src/platform/db/migrator.ts";
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

export async function createTestDatabase(opts: { template?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template } = engine();
  const name = `xaso_t_${randomBytes(5).toString("hex")}`;
  const from = opts.template === false ? "" : ` TEMPLATE ${template}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name}${from}`);
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

/** A database as an installation that ran only the migrations numbered up to `last` left it: for upgrade tests. */
export async function createDatabaseMigratedTo(last: number): Promise<TestDatabase> {
  const t = await createTestDatabase({ template: false });
  const dir = await mkdtemp(path.join(tmpdir(), `xaso-migrations-${last}-`));
  try {
    const upTo = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.*\.sql$/.test(f) && Number(f.slice(0, 4)) <= last);
    for (const f of upTo) await copyFile(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    await migrate(t.db, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return t;
}
