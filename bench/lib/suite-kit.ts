// What the data-generating suites (coverage, reports-public) share: their own database on the system server, the
// generation's timed SQL steps, and the machine line of their JSON result.
import os from "node:os";
import pg from "pg";

/** The same server's URL with another database. */
export const withDatabase = (url: string, db: string): string => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/** One statement on its own connection (CREATE/DROP DATABASE cannot run on a pool inside a transaction). */
export async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A generation step runner: runs one statement, logs its rows and time, and records the time under its name in `ms`. */
export function timedSteps(c: pg.Client, log: (msg: string) => void): { ms: Record<string, number>; step: (name: string, sql: string) => Promise<void> } {
  const ms: Record<string, number> = {};
  const step = async (name: string, sql: string) => {
    const t0 = performance.now();
    const r = await c.query(sql);
    ms[name] = Math.round(performance.now() - t0);
    log(`  ${name}: ${r.rowCount ?? 0} rows in ${(ms[name]! / 1000).toFixed(1)} s`);
  };
  return { ms, step };
}

/** The machine the suite ran on, as its JSON result records it. */
export const suiteMachine = () => ({
  nproc: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  memTotalMiB: Math.round(os.totalmem() / 1048576),
  node: process.version,
});
