// Prometheus metrics, one registry per app so tests can build many apps side by side.
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

export type Metrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  httpErrors: Counter<"code">;
  /** The duration histogram's labelled children by "method status route" (a bounded set: route templates). */
  durationByLabels: Map<string, { observe(seconds: number): void }>;
};

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "xaso_" });
  return {
    registry,
    httpDuration: new Histogram({
      name: "xaso_http_request_duration_seconds",
      help: "HTTP request duration by route template",
      labelNames: ["method", "route", "status"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    httpErrors: new Counter({ name: "xaso_http_errors_total", help: "Problem responses by error code", labelNames: ["code"], registers: [registry] }),
    durationByLabels: new Map(),
  };
}
