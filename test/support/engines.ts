// Prepares one PostgreSQL engine for a test run: a migrated template database with the official admin units.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { loadConfig } from "../../src/config.ts";
import { wireDeps } from "../../src/bootstrap.ts";
import { importAdminUnits } from "../../src/modules/admin-units/index.ts";
import { createDatabase } from "../../src/platform/db/database.ts";
import { startEmbeddedServer } from "../../src/platform/db/embedded-server.ts";
import { migrate } from "../../src/platform/db/migrator.ts";
import { SYSTEM_ACTOR } from "../../src/platform/events/domain-events.ts";

export type EngineInfo = { available: boolean; adminUrl: string; template: string; reason?: string };

export const SYSTEM_PG_URL = process.env.XASO_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Creates and fills the template; each test file then copies it (CREATE DATABASE … TEMPLATE), which takes milliseconds. */
export async function prepareTemplate(adminUrl: string): Promise<string> {
  const template = `xaso_tpl_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const db = createDatabase(withDatabase(adminUrl, template), { max: 2 });
  try {
    await migrate(db);
    const deps = wireDeps(loadConfig({ NODE_ENV: "test", SERVED_PROVINCES: "15,19" }), db, pino({ level: "silent" }));
    await importAdminUnits(deps, { actor: SYSTEM_ACTOR, requestId: null });
  } finally {
    await db.close();
  }
  return template;
}

export async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

export async function startEmbeddedForTests() {
  const dir = await mkdtemp(path.join(tmpdir(), "xaso-test-pg-"));
  // The embedded server runs as the "postgres" system user when we are root: let it in.
  await import("node:fs/promises").then((fs) => fs.chmod(dir, 0o755));
  const server = await startEmbeddedServer({ dataDir: dir, port: await freePort() });
  const adminUrl = withDatabase(server.url, "postgres");
  return {
    adminUrl,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function systemReachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}
