// A fresh database on the system server for one bench run, migrated, and dropped afterwards whatever happens.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type Database } from "../../src/platform/db/database.ts";
import { migrate } from "../../src/platform/db/migrator.ts";
import type { BenchOptions } from "./options.ts";

export async function withScratchDatabase<T>(opts: BenchOptions, prefix: string, fn: (db: Database, url: string) => Promise<T>): Promise<T> {
  const name = `xaso_bench_${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: opts.systemUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(opts.systemUrl);
  url.pathname = `/${name}`;
  const db = createDatabase(url.toString(), { max: opts.poolSize });
  try {
    await migrate(db);
    return await fn(db, url.toString());
  } finally {
    await db.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}
