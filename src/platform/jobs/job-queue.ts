// Background and scheduled work beyond the notification outbox, on pg-boss 10 (docs/adr/0014-job-queue.md): a
// maintained PostgreSQL job queue in its own schema (`pgboss`), over the app's own pool, so it runs wherever the app
// does (embedded or external PostgreSQL) and needs no second connection string. Modules give tasks (a name, an
// optional cron schedule, a body that is a plain use case); the server starts the queue, tests only when they ask.
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Database } from "../db/database.ts";

export type JobTask = {
  /** Also the queue's name: `<module>.<task>`, e.g. `reports.auto-close`. */
  name: string;
  /** Five-field cron in Vietnam time, e.g. every 15 minutes; without it the task runs only when sent. */
  cron?: string;
  /** The work; its result is logged. A throw fails the job, which pg-boss retries (retryLimit). */
  run: (data: unknown) => Promise<unknown>;
};

export type JobQueue = {
  /** Queues one run of a task now (returns the job id). */
  send(name: string, data?: object): Promise<string | null>;
  /** Stops taking jobs and waits (bounded) for the running ones. */
  stop(): Promise<void>;
};

export const JOB_SCHEMA = "pgboss";
export const JOB_TIME_ZONE = "Asia/Ho_Chi_Minh";

export type JobQueueOptions = {
  db: Database;
  log: Logger;
  tasks: readonly JobTask[];
  /** How often each worker looks for work (pg-boss's minimum is 0.5 s). */
  pollSeconds?: number;
  /** Run the cron schedules (off in a test that only sends). */
  schedule?: boolean;
};

export async function startJobQueue(opts: JobQueueOptions): Promise<JobQueue> {
  const names = new Set<string>();
  for (const t of opts.tasks) {
    if (names.has(t.name)) throw new Error(`job task ${t.name} given twice`);
    names.add(t.name);
  }
  // Loaded when a queue starts (the server, the tests that ask), not with the app: see lazy-import.ts.
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => opts.db.query(text, values) },
    schema: JOB_SCHEMA,
    schedule: opts.schedule ?? true,
    // Completed runs of sweeps are worth little: keep a week of them for inspection.
    deleteAfterDays: 7,
  });
  boss.on("error", (err: Error) => opts.log.warn({ err }, "job queue error"));
  await boss.start();
  try {
    await registerTasks(boss, opts);
  } catch (err) {
    // Half started (the database went away mid-way): stop its timers so that a retry starts clean.
    await boss.stop({ graceful: false, wait: true, timeout: 1_000 }).catch(() => undefined);
    throw err;
  }
  return {
    send: (name, data) => boss.send(name, data ?? {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

async function registerTasks(boss: PgBoss, opts: JobQueueOptions): Promise<void> {
  for (const task of opts.tasks) {
    // stately: at most one queued and one running; a sweep that overruns its period does not pile up runs.
    await boss.createQueue(task.name, { name: task.name, policy: "stately", retryLimit: 3, retryDelay: 60, expireInSeconds: 15 * 60 });
    await boss.work(task.name, { pollingIntervalSeconds: opts.pollSeconds ?? 5 }, async (jobs) => {
      for (const job of jobs) {
        const started = Date.now();
        try {
          const result = await task.run(job.data);
          opts.log.info({ task: task.name, job: job.id, ms: Date.now() - started, result }, "job done");
        } catch (err) {
          opts.log.warn({ err, task: task.name, job: job.id }, "job failed");
          throw err;
        }
      }
    });
    if (task.cron) await boss.schedule(task.name, task.cron, undefined, { tz: JOB_TIME_ZONE });
    else await boss.unschedule(task.name);
  }
}

/**
 * The server's way to start the queue: in the background, again every `retryMs` while the database cannot be
 * reached, so that a database lost at start-up delays the reminders but never stops the server.
 */
export function runJobQueue(opts: JobQueueOptions & { retryMs?: number }): { ready: Promise<void>; stop(): Promise<void> } {
  let queue: JobQueue | null = null;
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let pending: Promise<void> = Promise.resolve();
  const attempt = async (): Promise<void> => {
    try {
      const q = await startJobQueue(opts);
      if (stopped) await q.stop();
      else {
        queue = q;
        started();
      }
    } catch (err) {
      if (stopped) return;
      opts.log.warn({ err }, "job queue not started; trying again");
      timer = setTimeout(() => {
        pending = attempt();
      }, opts.retryMs ?? 10_000);
      timer.unref();
    }
  };
  pending = attempt();
  return {
    ready,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pending;
      await queue?.stop();
    },
  };
}
