// A database server that accepts connections and then says nothing (a black-holed host after a failover) must not
// hang requests or the readiness probe; and which driver errors mean "unavailable" (503) rather than a bug (500).
import { createServer, type Server, type Socket } from "node:net";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import type { AppEnv } from "../http/hono-env.ts";
import { registerOpsRoutes } from "../http/ops.routes.ts";
import { createMetrics } from "../observability/metrics.ts";
import { createDatabase, type Database, DatabaseUnavailableError, databaseAnswers, isDatabaseUnavailable } from "./database.ts";

describe("a database server that never answers", () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let url: string;
  const opened: Database[] = [];
  const open = (opts: Parameters<typeof createDatabase>[1] = {}) => {
    const db = createDatabase(url, { max: 2, ...opts });
    opened.push(db);
    return db;
  };

  beforeAll(async () => {
    silent = createServer((s) => {
      sockets.add(s);
      s.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    url = `postgres://nobody@127.0.0.1:${(silent.address() as { port: number }).port}/nothing`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    for (const db of opened) await db.close().catch(() => undefined);
    await new Promise((resolve) => silent.close(resolve));
  });

  it("gives up connecting after the connect timeout, as unavailable", async () => {
    const db = open({ connectTimeoutMs: 200 });
    await expect(db.query("SELECT 1")).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.tx((q) => q.query("SELECT 1"))).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it("answers /readyz 503 with Retry-After instead of waiting for the database", async () => {
    const db = open();
    expect(await databaseAnswers(db, 50)).toBe(false);
    const app = new Hono<AppEnv>();
    registerOpsRoutes(app, { db, config: loadConfig({ NODE_ENV: "test", SERVED_PROVINCES: "15" }) }, createMetrics({ defaultMetrics: false }));
    const res = await app.request("/readyz");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});

describe("isDatabaseUnavailable", () => {
  const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });
  it("names a lost or refused connection, a server shutting down or recovering, and a read-only server after failover", () => {
    for (const code of ["57P01", "57P02", "57P03", "57P05", "08006", "08001", "53300", "25006", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    for (const message of ["Connection terminated unexpectedly", "Client has encountered a connection error and is not queryable"]) {
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
    }
  });
  it("leaves a failed statement alone: constraint, serialisation, cancelled statement, syntax, a plain bug", () => {
    for (const code of ["23505", "40001", "57014", "42601"]) expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable("57P01")).toBe(false);
  });
});
