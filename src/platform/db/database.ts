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
        return await txOn(client, fn);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function txOn<T>(client: pg.PoolClient, fn: (q: Queryable) => Promise<T>): Promise<T> {
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

/** One connection of its own: queries and transactions on it, nothing from the pool. */
export type Session = Queryable & { tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> };

/**
 * Runs fn holding a PostgreSQL advisory lock on `key`, on a connection of its own: callers with the same key
 * run one after the other, other keys are not held up (a hash collision only makes two callers wait).
 * fn must do all its database work through the session it is given: taking a second connection from the
 * pool while holding one could wait forever once every pooled connection belongs to a waiter.
 */
export async function withAdvisoryLock<T>(db: Database, key: string, fn: (s: Session) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  let discard = false;
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
    try {
      return await fn({ query: (text, values) => client.query(text, values as unknown[]), tx: (f) => txOn(client, f) });
    } finally {
      // Fails only when fn left the connection in a broken transaction: closing it releases the lock.
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]).catch(() => {
        discard = true;
      });
    }
  } finally {
    client.release(discard);
  }
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
