// One pg pool for the whole process; repositories receive a Queryable so they work inside or outside a transaction.
import pg from "pg";

// int8 (bigint counts) come back as JS numbers; our counts never exceed 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Queryable = {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
};

export type Database = Queryable & {
  pool: pg.Pool;
  url: string;
  /** Runs fn in one transaction; rolls back on any error so nothing is half-written. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function createDatabase(url: string, opts: { max?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? "xaso",
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  return {
    pool,
    url,
    query: (text, values) => pool.query(text, values as unknown[]),
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(client);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * A hot-path query as a named prepared statement: PostgreSQL plans it once per connection instead of
 * on every call (planning was most of the cost of the admin-unit search).
 */
export function queryPrepared<R extends pg.QueryResultRow>(q: Queryable, name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  return (q as unknown as pg.ClientBase).query<R>({ name, text, values });
}

/** Runs fn inside a transaction, reusing the caller's one when q is already a transaction client. */
export async function inTx<T>(q: Queryable | Database, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return "tx" in q ? q.tx(fn) : fn(q);
}
