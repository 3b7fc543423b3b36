// Transactional outbox: messages are written in the caller's transaction and sent later by a worker, so a
// rollback sends nothing and a crash after commit loses nothing.
//
// Delivery is AT-LEAST-ONCE. The worker claims due rows in one short statement (FOR UPDATE SKIP LOCKED)
// that also takes a lease (next_attempt_at pushed past the send timeout) and counts the attempt, then
// calls the handlers outside any transaction and marks each row afterwards. We do not hold a transaction
// open across the send: an SMS gateway or SMTP server may take seconds, and holding a pooled connection
// and row locks per message that long would starve the pool. Either way a crash between "sent" and
// "marked" cannot be made exactly-once without the provider's cooperation: the lease expires and the row
// is sent again. For SMS and email a rare duplicate is acceptable; a topic that cannot tolerate one must
// carry an idempotency key in its payload for its provider to check.
import type { Logger } from "pino";
import type { Clock } from "../../deps.ts";
import type { Queryable } from "../db/database.ts";

export type OutboxMessage = {
  topic: string;
  payload: unknown;
  /** A second enqueue with the same key is ignored, even after the first was sent. */
  dedupeKey?: string;
  /** Not sent before this instant (default: now). */
  notBefore?: Date;
};

/** meta.final: this is the message's last attempt (a failure now makes it 'dead'), for handlers that record outcomes. */
export type OutboxHandler = (payload: unknown, meta: { attempt: number; final: boolean }) => Promise<void>;
export type OutboxHandlers = Record<string, OutboxHandler>;
export type OutboxRunResult = { sent: number; failed: number; dead: number };

export type OutboxWorker = {
  /** Claims one batch of due messages, sends them, and records the outcome of each. */
  runOnce(): Promise<OutboxRunResult>;
  /** Polls every pollMs (sooner while full batches keep coming) until stop(). */
  start(opts?: { pollMs?: number }): void;
  /** Stops polling and waits for the batch in progress to finish. */
  stop(): Promise<void>;
};

export type OutboxWorkerOptions = {
  db: Queryable;
  log: Logger;
  clock: Clock;
  handlers: OutboxHandlers;
  batchSize?: number;
  /** Attempts before a message is marked 'dead'. */
  maxAttempts?: number;
  /** Base delay in seconds after the n-th failed attempt (n starts at 1); the worker adds jitter. */
  backoff?: (attempt: number) => number;
  /** A send still running after this is treated as failed (its promise is abandoned). */
  handlerTimeoutMs?: number;
  /** How long a claimed row stays invisible to other workers; must exceed handlerTimeoutMs. */
  leaseMs?: number;
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: () => number;
};

/** 30 s, 1 min, 2 min, … capped at 6 h: eight attempts span about two hours. */
export const defaultBackoff = (attempt: number): number => Math.min(30 * 2 ** (attempt - 1), 6 * 3600);

const MAX_ERROR_CHARS = 1000;

/** Queues a message inside the caller's transaction. Returns false when the dedupe key was already used. */
export async function enqueue(q: Queryable, msg: OutboxMessage): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO outbox (topic, payload, dedupe_key, next_attempt_at)
     VALUES ($1, $2::jsonb, $3, coalesce($4::timestamptz, now()))
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [msg.topic, JSON.stringify(msg.payload ?? null), msg.dedupeKey ?? null, msg.notBefore ?? null],
  );
  return r.rowCount === 1;
}

/** Rows per INSERT of enqueueMany: one statement carries four arrays of this length. */
export const ENQUEUE_CHUNK = 5000;

/**
 * Queues many messages inside the caller's transaction: one INSERT … SELECT FROM unnest per chunk instead of one
 * statement per message (a notice's fan-out queues 100,000). Returns how many were new (dedupe keys already used
 * are ignored, as enqueue does).
 */
export async function enqueueMany(q: Queryable, messages: readonly OutboxMessage[], chunk = ENQUEUE_CHUNK): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < messages.length; i += chunk) {
    const part = messages.slice(i, i + chunk);
    const r = await q.query(
      `INSERT INTO outbox (topic, payload, dedupe_key, next_attempt_at)
       SELECT m.topic, m.payload::jsonb, m.dedupe_key, coalesce(m.not_before, now())
         FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS m(topic, payload, dedupe_key, not_before)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        part.map((m) => m.topic),
        part.map((m) => JSON.stringify(m.payload ?? null)),
        part.map((m) => m.dedupeKey ?? null),
        part.map((m) => m.notBefore ?? null),
      ],
    );
    inserted += r.rowCount ?? 0;
  }
  return inserted;
}

/** Housekeeping: deletes messages sent before olderThan. Dead messages are kept for inspection. */
export async function purgeSent(q: Queryable, olderThan: Date): Promise<number> {
  const r = await q.query("DELETE FROM outbox WHERE status = 'sent' AND sent_at < $1", [olderThan]);
  return r.rowCount ?? 0;
}

type Claimed = { id: number; topic: string; payload: unknown; attempts: number; status: "pending" | "dead" };

export function createOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, log, clock, handlers } = opts;
  const batchSize = opts.batchSize ?? 20;
  const maxAttempts = opts.maxAttempts ?? 8;
  const backoff = opts.backoff ?? defaultBackoff;
  const handlerTimeoutMs = opts.handlerTimeoutMs ?? 60_000;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const random = opts.random ?? Math.random;
  if (leaseMs <= handlerTimeoutMs) throw new Error("outbox leaseMs must exceed handlerTimeoutMs, or a slow send could be claimed twice");

  async function claim(now: Date): Promise<Claimed[]> {
    // One statement is one short transaction. A row still pending with attempts >= maxAttempts was
    // interrupted (crash, lease expired) during its last attempt: it is not sent again.
    const r = await db.query<Claimed>(
      `WITH due AS (
         SELECT id FROM outbox
          WHERE status = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox o SET
         attempts        = CASE WHEN o.attempts >= $4 THEN o.attempts ELSE o.attempts + 1 END,
         status          = CASE WHEN o.attempts >= $4 THEN 'dead' ELSE 'pending' END,
         last_error      = CASE WHEN o.attempts >= $4 THEN left(coalesce(o.last_error || ' | ', '') || 'interrupted during its last attempt', ${MAX_ERROR_CHARS}) ELSE o.last_error END,
         next_attempt_at = CASE WHEN o.attempts >= $4 THEN o.next_attempt_at ELSE $3 END
       FROM due WHERE o.id = due.id
       RETURNING o.id, o.topic, o.payload, o.attempts, o.status`,
      [now, batchSize, new Date(now.getTime() + leaseMs), maxAttempts],
    );
    return r.rows.sort((a, b) => a.id - b.id);
  }

  async function send(m: Claimed): Promise<void> {
    const handler = Object.hasOwn(handlers, m.topic) ? handlers[m.topic] : undefined;
    if (!handler) throw new Error(`no handler for topic "${m.topic}"`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`handler timed out after ${handlerTimeoutMs} ms`)), handlerTimeoutMs);
      timer.unref();
    });
    try {
      await Promise.race([handler(m.payload, { attempt: m.attempts, final: m.attempts >= maxAttempts }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  // Each row is marked only if it is still ours (same attempt number): a row whose lease expired and was
  // claimed again by another worker is left to that worker.
  async function deliver(m: Claimed, result: OutboxRunResult, sent: Claimed[]): Promise<void> {
    const rowLog = { outboxId: m.id, topic: m.topic, attempt: m.attempts };
    try {
      await send(m);
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_CHARS);
      const now = clock.now();
      if (m.attempts >= maxAttempts) {
        await db.query("UPDATE outbox SET status = 'dead', last_error = $2 WHERE id = $1 AND status = 'pending' AND attempts = $3", [
          m.id,
          message,
          m.attempts,
        ]);
        result.dead++;
        log.error({ ...rowLog, err: message }, "outbox message dead after its last attempt");
      } else {
        // Jitter in [0.5, 1.5) × base spreads retries so a gateway outage does not end in a thundering herd.
        const delayMs = Math.round(backoff(m.attempts) * 1000 * (0.5 + random()));
        const next = new Date(now.getTime() + delayMs);
        await db.query("UPDATE outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1 AND status = 'pending' AND attempts = $4", [
          m.id,
          next,
          message,
          m.attempts,
        ]);
        result.failed++;
        log.warn({ ...rowLog, err: message, retryAt: next.toISOString() }, "outbox message failed; will retry");
      }
      return;
    }
    // Marked with the rest of the batch: one statement for every message sent.
    sent.push(m);
    log.debug(rowLog, "outbox message sent");
  }

  async function markSent(sent: Claimed[], result: OutboxRunResult): Promise<void> {
    if (sent.length === 0) return;
    const r = await db.query(
      `UPDATE outbox o SET status = 'sent', sent_at = $3 FROM unnest($1::bigint[], $2::int[]) AS s(id, attempts)
       WHERE o.id = s.id AND o.status = 'pending' AND o.attempts = s.attempts`,
      [sent.map((m) => m.id), sent.map((m) => m.attempts), clock.now()],
    );
    result.sent += r.rowCount ?? 0;
  }

  async function runOnce(): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { sent: 0, failed: 0, dead: 0 };
    const claimed = await claim(clock.now());
    for (const m of claimed) {
      if (m.status === "dead") {
        result.dead++;
        log.error({ outboxId: m.id, topic: m.topic, attempt: m.attempts }, "outbox message dead: interrupted during its last attempt");
      }
    }
    // The batch is sent concurrently (batchSize bounds it); the lease covers every send's timeout.
    const sent: Claimed[] = [];
    await Promise.all(
      claimed
        .filter((m) => m.status === "pending")
        .map((m) =>
          deliver(m, result, sent).catch((err: unknown) => {
            // Marking failed (database unreachable): the lease expires and the row is retried.
            log.error({ outboxId: m.id, topic: m.topic, err }, "could not record the outcome of an outbox message");
          }),
        ),
    );
    await markSent(sent, result).catch((err: unknown) => {
      log.error({ outboxIds: sent.map((m) => m.id), err }, "could not record the outcome of outbox messages");
    });
    return result;
  }

  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let running = false;

  function schedule(ms: number, pollMs: number) {
    timer = setTimeout(() => {
      timer = undefined;
      current = runOnce()
        .then((r) => {
          if (r.sent + r.failed + r.dead > 0) log.info(r, "outbox batch");
          // A full batch suggests more is due: go again at once; otherwise wait for the next poll.
          return r.sent + r.failed + r.dead >= batchSize ? 0 : pollMs;
        })
        .catch((err: unknown) => {
          log.error({ err }, "outbox worker run failed");
          return pollMs;
        })
        .then((next) => {
          current = undefined;
          if (running) schedule(next, pollMs);
        });
    }, ms);
    // The worker never keeps the process alive by itself; shutdown calls stop().
    timer.unref();
  }

  return {
    runOnce,
    start({ pollMs = 5000 } = {}) {
      if (running) return;
      running = true;
      schedule(0, pollMs);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
