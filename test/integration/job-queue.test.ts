// pg-boss really runs the modules' tasks against the database: the reports module's schedules are registered in the
// `pgboss` schema, and a sent `reports.auto-close` job closes a report whose confirmation window has passed. A copy of
// the database (xaso db transfer) carries the app's schema only: jobs are transient, schedules are set again at start.
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handlingJobs } from "../../src/modules/reports/handling/handling.jobs.ts";
import { DatabaseUnavailableError } from "../../src/platform/db/database.ts";
import { JOB_SCHEMA, type JobQueue, type JobTask, runJobQueue, startJobQueue } from "../../src/platform/jobs/job-queue.ts";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { type TestApp, useTestApp } from "../support/test-app.ts";
import { createTestDatabase, describeDb } from "../support/test-db.ts";
import { transferDatabase } from "../../src/platform/db/db-transfer.ts";

describeDb("job queue (pg-boss)", () => {
  const app = useTestApp();
  let x: TestApp;
  let queue: JobQueue | null = null;
  // Each run of a task settles the next waiter: the test waits on the job itself, not on a timer.
  const runs: Array<(result: unknown) => void> = [];
  const nextRun = () => new Promise<unknown>((resolve) => runs.push(resolve));

  beforeAll(async () => {
    x = app();
    const tasks: JobTask[] = handlingJobs(x.deps).map((t) => ({
      ...t,
      run: async (data) => {
        const result = await t.run(data);
        runs.shift()?.(result);
        return result;
      },
    }));
    queue = await startJobQueue({ db: x.db, log: pino({ level: "silent" }), tasks, pollSeconds: 0.5 });
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it("registers each task's queue and cron schedule in its own schema", async () => {
    const { rows } = await x.db.query<{ name: string; cron: string }>(`SELECT name, cron FROM ${JOB_SCHEMA}.schedule ORDER BY name`);
    expect(rows).toEqual([
      { name: "reports.auto-close", cron: "7 * * * *" },
      { name: "reports.deadline-reminders", cron: "*/15 * * * *" },
    ]);
  });

  it("runs a sent job: the auto-close task closes a report past its confirmation window", async () => {
    const { id: categoryId } = await buildReportCategory(x.deps);
    const r = await buildReport(x.deps, { categoryId, status: "resolved" });
    await x.db.query("UPDATE reports SET confirm_until = $2, answer = 'Đã sửa', answered_at = $2 WHERE id = $1", [
      r.id,
      new Date(x.clock.now().getTime() - 1000),
    ]);
    const ran = nextRun();
    expect(await queue!.send("reports.auto-close")).toBeTruthy();
    expect(await ran).toEqual({ closed: 1 });
    const { rows } = await x.db.query<{ status: string }>("SELECT status FROM reports WHERE id = $1", [r.id]);
    expect(rows[0]!.status).toBe("closed");
  }, 30_000);

  it("leaves pg-boss's schema out of a database transfer", async () => {
    const target = await createTestDatabase({ template: false });
    try {
      const report = await transferDatabase(x.db, target.db);
      expect(report.tables.every((t) => t.ok)).toBe(true);
      expect(report.tables.some((t) => t.table === "reports")).toBe(true);
      const { rows } = await target.db.query<{ n: string | null }>("SELECT to_regnamespace($1)::text AS n", [JOB_SCHEMA]);
      expect(rows[0]!.n).toBeNull();
    } finally {
      await target.drop();
    }
  }, 60_000);
});

describeDb("job queue started by the server (runJobQueue)", () => {
  const app = useTestApp();

  it("keeps trying while the database cannot be reached, then starts; the server never waits on it", async () => {
    const x = app();
    // The first statements fail as a dropped connection does; then the database answers again.
    let failures = 3;
    const flaky = {
      ...x.db,
      query: ((text: string, values?: unknown[]) => {
        if (failures > 0) {
          failures--;
          return Promise.reject(new DatabaseUnavailableError(new Error("terminating connection due to administrator command")));
        }
        return x.db.query(text, values);
      }) as typeof x.db.query,
    };
    const warnings: string[] = [];
    const log = pino({ level: "warn" }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
    const jobs = runJobQueue({ db: flaky, log, tasks: handlingJobs(x.deps), schedule: false, retryMs: 20 });
    await jobs.ready;
    await jobs.stop();
    expect(failures).toBe(0);
    expect(warnings.filter((m) => m === "job queue not started; trying again").length).toBeGreaterThan(0);
  });
});
