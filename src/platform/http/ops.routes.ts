// Liveness, readiness (checks the database) and Prometheus metrics.
import type { Hono } from "hono";
import type { Deps } from "../../deps.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { AppEnv } from "./hono-env.ts";

export function registerOpsRoutes(app: Hono<AppEnv>, deps: Pick<Deps, "db">, metrics: Metrics) {
  app.get("/healthz", (c) => c.json({ status: "ok" }, 200, { "cache-control": "no-store" }));
  app.get("/readyz", async (c) => {
    try {
      await deps.db.query("SELECT 1");
      return c.json({ status: "ready", database: "ok" }, 200, { "cache-control": "no-store" });
    } catch {
      return c.json({ status: "unavailable", database: "unreachable" }, 503, { "cache-control": "no-store" });
    }
  });
  app.get("/metrics", async (c) => c.body(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" }));
}
