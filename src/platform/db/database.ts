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
  /** Runs fn on one connection of its own (queries and transactions on it, nothing else from the pool). */
  session<T>(fn: (s: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** One connection of its own: queries and transactions on it, nothing from the pool. */
export type Session = Queryable & { tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> };

export type DatabaseOptions = {
  max?: number;
  applicationName?: string;
  /** Told about every lost connection (a restart, a failover, pg_terminate_backend, an idle-session timeout). */
  onConnectionLost?: (err: Error) => void;
  /** Default CONNECT_TIMEOUT_MS. */
  connectTimeoutMs?: number;
};

/** Waiting longer than this for a connection (a new one, or a free one from a full pool) fails with 503. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** TCP keepalive: a server that vanished without closing its sockets is noticed by the kernel's probes. */
const KEEPALIVE_DELAY_MS = 10_000;

/**
 * The database could not be reached, or the connection was lost during the request. The HTTP layer answers
 * 503 with Retry-After; the message and code are the driver's, so logs and the command line read as before.
 */
export class DatabaseUnavailableError extends Error {
  readonly code: string | undefined;
  constructor(cause: unknown) {
    const c = cause as { message?: unknown; code?: unknown };
    const code = typeof c?.code === "string" ? c.code : undefined;
    super(typeof c?.message === "string" && c.message ? c.message : `database unavailable${code ? ` (${code})` : ""}`, { cause });
    this.name = "DatabaseUnavailableError";
    this.code = code;
  }
}

// 08xxx connection exceptions are matched by class. 57P01–57P05: terminated by an administrator, crash, cannot connect
// now (starting, stopping, recovering), database dropped, idle-session timeout. 53300: too many connections. 25006: a
// write reached a read-only server (a primary demoted by a failover while the address still points at it).
const LOST_CODES = new Set(["57P01", "57P02", "57P03", "57P04", "57P05", "53300", "25006"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENOTFOUND", "EAI_AGAIN"]);
// pg's own errors for a connection that is gone or never came carry no code.
const LOST_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/** Whether err means "the database is unreachable or the connection dropped" rather than "this statement failed". */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (code.startsWith("08") || LOST_CODES.has(code) || NETWORK_CODES.has(code))) return true;
  return LOST_MESSAGES.test(err.message);
}

export function createDatabase(url: string, opts: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? "xaso",
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
  });
  // Clients whose connection dropped: never reused, their transaction is reported as unavailable.
  const lost = new WeakMap<pg.PoolClient, Error>();
  // pg-pool listens for errors only on idle clients; a checked-out client (a transaction in flight, the migrator's
  // client) whose server goes away emits 'error' too, and an 'error' event without a listener ends the process.
  const reportLost = (client: pg.PoolClient, err: Error) => {
    if (lost.has(client)) return;
    lost.set(client, err);
    opts.onConnectionLost?.(err);
  };
  pool.on("connect", (client) => {
    client.on("error", (err: Error) => reportLost(client, err));
  });
  // pg-pool re-emits an idle client's error here after removing that client; the listener above has reported it.
  pool.on("error", () => undefined);

  async function connect(): Promise<pg.PoolClient> {
    try {
      return await pool.connect();
    } catch (err) {
      // Refused, timed out, not accepting connections, too many clients, wrong password: nothing ran.
      throw new DatabaseUnavailableError(err);
    }
  }

  /** A client goes back to the pool only if its connection is sound; release(err) destroys it. */
  function failed(client: pg.PoolClient, err: unknown, destroy = false): unknown {
    const dropped = lost.get(client);
    const unavailable = dropped !== undefined || isDatabaseUnavailable(err);
    const asError = err instanceof Error ? err : new Error(String(err));
    // Reported here too: once released with an error the client is ended, and pg then emits no 'error' of its own.
    if (unavailable) reportLost(client, asError);
    client.release(unavailable || destroy ? asError : undefined);
    if (!unavailable || err instanceof DatabaseUnavailableError) return err;
    // The error that ended the connection (57P01, "Connection terminated…") says more than "not queryable".
    return new DatabaseUnavailableError(dropped ?? err);
  }

  return {
    pool,
    url,
    async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
      const client = await connect();
      let result: pg.QueryResult<R>;
      try {
        result = await client.query<R>(text, values);
      } catch (err) {
        throw failed(client, err);
      }
      client.release();
      return result;
    },
    async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      const client = await connect();
      let result: T;
      try {
        await client.query("BEGIN");
        result = await fn(client);
        // A COMMIT lost with its connection has an unknown outcome: the caller gets 503, never a success.
        await client.query("COMMIT");
      } catch (err) {
        let destroy = false;
        if (!lost.has(client) && !isDatabaseUnavailable(err)) {
          // A connection that cannot even roll back is not given to the next request.
          await client.query("ROLLBACK").catch(() => (destroy = true));
        }
        throw failed(client, err, destroy);
      }
      client.release();
      return result;
    },
    async session<T>(fn: (s: Session) => Promise<T>): Promise<T> {
      const client = await connect();
      let result: T;
      try {
        result = await fn({ query: (text, values) => client.query(text, values as unknown[]), tx: (f) => txOn(client, f) });
      } catch (err) {
        let destroy = false;
        // Session-level state (advisory locks) must not reach the next borrower; a connection that cannot say so is closed.
        if (!lost.has(client) && !isDatabaseUnavailable(err)) await client.query("SELECT pg_advisory_unlock_all()").catch(() => (destroy = true));
        throw failed(client, err, destroy);
      }
      client.release();
      return result;
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

/**
 * Runs fn holding a PostgreSQL advisory lock on `key`, on a connection of its own: callers with the same key
 * run one after the other, other keys are not held up (a hash collision only makes two callers wait).
 * fn must do all its database work through the session it is given: taking a second connection from the
 * pool while holding one could wait forever once every pooled connection belongs to a waiter.
 */
export function withAdvisoryLock<T>(db: Database, key: string, fn: (s: Session) => Promise<T>): Promise<T> {
  return db.session(async (s) => {
    await s.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
    const result = await fn(s);
    await s.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]);
    return result;
  });
}

/** Whether the database answers a trivial query within timeoutMs (a full pool or a silent server counts as no). */
export async function databaseAnswers(q: Queryable, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      q.query("SELECT 1").then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
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
