// Preloaded into a server under test with `--trace-sql` (node --import ./bench/lib/sql-trace.ts): counts every
// statement a pg client sends and how long each took from the call to its result (the round trip plus PostgreSQL's
// work). On SIGUSR2 it writes the counts since the last dump to $BENCH_SQL_TRACE as JSON and starts again.
import { writeFileSync } from "node:fs";
import pg from "pg";

type Stat = { n: number; ms: number; maxMs: number };
let stats = new Map<string, Stat>();
const keyOf = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 110);

const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === "string" ? first : (first as { text?: string } | null)?.text;
  if (!text) return original.apply(this, args);
  const t0 = performance.now();
  const done = () => {
    const ms = performance.now() - t0;
    const k = keyOf(text);
    const s = stats.get(k) ?? { n: 0, ms: 0, maxMs: 0 };
    s.n++;
    s.ms += ms;
    s.maxMs = Math.max(s.maxMs, ms);
    stats.set(k, s);
  };
  // pg.Pool#query passes a callback (last argument); a direct client.query returns a promise.
  const cb = args.findIndex((a) => typeof a === "function");
  if (cb >= 0) {
    const user = args[cb] as (...r: unknown[]) => void;
    args[cb] = (...r: unknown[]) => {
      done();
      user(...r);
    };
    return original.apply(this, args);
  }
  if (first && typeof first === "object" && typeof (first as { callback?: unknown }).callback === "function") {
    const q = first as { callback: (...r: unknown[]) => void };
    const user = q.callback;
    q.callback = (...r: unknown[]) => {
      done();
      user(...r);
    };
    return original.apply(this, args);
  }
  const result = original.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(done, done);
  return result;
};

process.on("SIGUSR2", () => {
  const out = [...stats.entries()].map(([sql, s]) => ({ sql, ...s })).sort((a, b) => b.ms - a.ms);
  stats = new Map();
  if (process.env.BENCH_SQL_TRACE) writeFileSync(process.env.BENCH_SQL_TRACE, JSON.stringify(out));
});
