// Liveness, readiness (checks the database) and Prometheus metrics (behind METRICS_TOKEN; off in production without it).
import { timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import type { Deps } from "../../deps.ts";
import { databaseAnswers } from "../db/database.ts";
import type { Metrics } from "../observability/metrics.ts";
import { AppError } from "./app-error.ts";
import type { AppEnv } from "./hono-env.ts";
import { UNAVAILABLE_RETRY_AFTER_S } from "./middleware.ts";

/** A database that does not answer SELECT 1 this fast (down, silent, or every connection busy) is not ready. */
export const READY_TIMEOUT_MS = 2000;

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function registerOpsRoutes(app: Hono<AppEnv>, deps: Pick<Deps, "db" | "config">, metrics: Metrics) {
  app.get("/healthz", (c) => c.json({ status: "ok" }, 200, { "cache-control": "no-store" }));
  app.get("/readyz", async (c) => {
    if (await databaseAnswers(deps.db, READY_TIMEOUT_MS)) return c.json({ status: "ready", database: "ok" }, 200, { "cache-control": "no-store" });
    return c.json({ status: "unavailable", database: "unreachable" }, 503, { "cache-control": "no-store", "retry-after": String(UNAVAILABLE_RETRY_AFTER_S) });
  });
  app.get("/metrics", async (c) => {
    // With METRICS_TOKEN set, only the scraper that knows it may read the metrics; in production without one,
    // they are not served at all (route names, counts and memory are no business of the public).
    const expected = deps.config.metricsToken;
    if (!expected && deps.config.env === "production") throw new AppError("not_found", "error.notFound");
    if (expected && !sameSecret(c.req.header("authorization") ?? "", `Bearer ${expected}`)) {
      return c.text("unauthorised", 401, { "www-authenticate": "Bearer" });
    }
    return c.body(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
  });
}
