// A database that has served production says so itself, so that a development-mode `xaso seed-demo` (or server
// with SEED_DEMO) pointed at it by mistake refuses to add the demo accounts. The mark is the comment on
// schema_migrations: no schema change, and the migrating user owns that table.
import type { Logger } from "pino";
import type { Queryable } from "./database.ts";

export const PRODUCTION_MARK = "xaso:production";

export async function isProductionDatabase(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ mark: string | null }>("SELECT obj_description(to_regclass('schema_migrations'), 'pg_class') AS mark");
  return rows[0]?.mark === PRODUCTION_MARK;
}

/** Idempotent; written after the migrations by every start (server or command) in production mode. */
export async function markProductionDatabase(q: Queryable): Promise<void> {
  if (await isProductionDatabase(q)) return;
  await q.query(`COMMENT ON TABLE schema_migrations IS '${PRODUCTION_MARK}'`);
}

/** Best effort: a user that does not own schema_migrations still starts; only the demo guard loses its mark. */
export async function markIfProduction(env: string, q: Queryable, log: Logger): Promise<void> {
  if (env !== "production") return;
  await markProductionDatabase(q).catch((err: unknown) => log.warn({ err }, "could not mark the database as production"));
}
