// Latency of one request at a time: warm-up calls first (so the JIT settles), then n timed calls, as percentiles.
export type Stats = { n: number; p50: number; p99: number; mean: number; max: number };

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  return { n: s.length, p50: at(50), p99: at(99), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s[s.length - 1]! };
}

export async function series(n: number, fn: () => Promise<unknown>, warmup: number): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return stats(ms);
}
