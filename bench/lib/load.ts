// One load scenario with autocannon's programmatic API: a warm-up run that is thrown away, then a measured run.
// Latencies are kept at full precision (autocannon's hrtime per response) to compute exact percentiles.
import autocannon from "autocannon";
import { createRequire } from "node:module";
import os from "node:os";
import { machineCpuMs } from "./procfs.ts";

export type LoadResult = {
  url: string;
  connections: number;
  durationS: number;
  warmupS: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rps: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  autocannonLatencyMs: { p50: number; p99: number; mean: number };
  bytesPerResponse: number;
  loadgenCpuMs: number;
  /** CPU time of the whole machine during the measured run (all cores), to tell how much was not ours. */
  machineBusyMs: number;
  machineStealMs: number;
  loadavg1Before: number;
};

// autocannon hands every connection the same request objects and stores each one's built buffer on them. All
// connections build their first request before any of them sends it, so with `setupRequest` the first request of
// every connection would be the same bytes (one Idempotency-Key sent 50 times). Each connection gets its own copies.
{
  const RequestIterator = createRequire(import.meta.url)("autocannon/lib/requestIterator.js") as { prototype: { setRequests(r?: object[]): void } };
  const original = RequestIterator.prototype.setRequests;
  RequestIterator.prototype.setRequests = function (this: unknown, requests?: object[]) {
    return original.call(
      this,
      requests?.map((r) => ({ ...r })),
    );
  };
}

const MAX_SAMPLES = 8_000_000; // bounds memory: 64 MB of doubles at most

function run(opts: autocannon.Options, limitMs: number, onResponse?: (status: number, bytes: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => {
      clearTimeout(guard);
      if (err) reject(err);
      else resolve(result);
    });
    if (onResponse) instance.on("response", (_client: unknown, status: number, bytes: number, ms: number) => onResponse(status, bytes, ms));
    // autocannon stops on its own after `duration`; this only guards against a hang.
    const guard = setTimeout(() => instance.stop(), limitMs);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * What to send, when it is not a plain GET of the URL: a method, headers and a body, and optionally `next()`, called
 * before every request (the warm-up's too) to give each one its own body or headers (an Idempotency-Key, another code).
 */
export type RequestSpec = {
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  next?: () => { headers?: Record<string, string>; body?: string };
};

function requestsOf(url: string, spec: RequestSpec | undefined): Pick<autocannon.Options, "requests"> {
  if (!spec) return {};
  const path = new URL(url).pathname + new URL(url).search;
  const req: autocannon.Request = { method: spec.method, path, headers: spec.headers ?? {}, ...(spec.body !== undefined ? { body: spec.body } : {}) };
  if (spec.next) {
    const next = spec.next;
    req.setupRequest = (r) => {
      const n = next();
      return { ...r, headers: { ...spec.headers, ...n.headers }, ...(n.body !== undefined ? { body: n.body } : {}) };
    };
  }
  return { requests: [req] };
}

export async function measure(opts: {
  url: string;
  request?: RequestSpec;
  connections: number;
  durationS: number;
  warmupS: number;
  onMeasureStart?: () => void | Promise<void>;
  onMeasureEnd?: () => void | Promise<void>;
}): Promise<LoadResult> {
  const base = { url: opts.url, connections: opts.connections, timeout: 10, ...requestsOf(opts.url, opts.request) };
  if (opts.warmupS > 0) await run({ ...base, duration: opts.warmupS }, (opts.warmupS + 15) * 1000);

  let samples = new Float64Array(1 << 16);
  let n = 0;
  let bytes = 0;
  let ok = 0;
  const loadavg1Before = os.loadavg()[0] ?? NaN;
  await opts.onMeasureStart?.();
  const machine0 = machineCpuMs();
  const cpu0 = process.cpuUsage();
  const result = await run({ ...base, duration: opts.durationS }, (opts.durationS + 15) * 1000, (status, b, ms) => {
    if (status < 200 || status > 299) return;
    ok++;
    bytes += b;
    if (n === samples.length) {
      if (n >= MAX_SAMPLES) return;
      const bigger = new Float64Array(Math.min(MAX_SAMPLES, n * 2));
      bigger.set(samples);
      samples = bigger;
    }
    samples[n++] = ms;
  });
  const cpu = process.cpuUsage(cpu0);
  const machine1 = machineCpuMs();
  await opts.onMeasureEnd?.();

  const sorted = samples.subarray(0, n).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const requests = result.requests.total;
  return {
    url: opts.url,
    connections: opts.connections,
    durationS: result.duration,
    warmupS: opts.warmupS,
    requests,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: ok / result.duration,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      mean: n ? sum / n : NaN,
      max: n ? sorted[n - 1]! : NaN,
    },
    autocannonLatencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean },
    bytesPerResponse: ok ? bytes / ok : NaN,
    loadgenCpuMs: (cpu.user + cpu.system) / 1000,
    machineBusyMs: machine1.busy - machine0.busy,
    machineStealMs: machine1.steal - machine0.steal,
    loadavg1Before,
  };
}
