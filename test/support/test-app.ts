// createTestApp: the real app over a fresh database, with a controllable clock and silent logs.
import pino from "pino";
import { afterAll, beforeAll } from "vitest";
import { type AppDeps, createApp } from "../../src/app.ts";
import { wireDeps } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import type { Clock } from "../../src/deps.ts";
import type { OidcClient } from "../../src/modules/identity/index.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

export type FakeClock = Clock & { set(d: Date): void; advance(ms: number): void };
export function fakeClock(start = new Date("2026-11-23T03:00:00Z")): FakeClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (d) => {
      now = d.getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

export const TEST_ENV = { NODE_ENV: "test", SERVED_PROVINCES: "15,19", LOG_LEVEL: "silent", SIGNIN_MAX_FAILURES: "5" } as const;

export async function buildTestApp(opts: { env?: Record<string, string>; oidc?: OidcClient | null; database?: TestDatabase } = {}) {
  const database = opts.database ?? (await createTestDatabase());
  const config = loadConfig({ ...TEST_ENV, ...opts.env });
  const clock = fakeClock();
  const deps = wireDeps(config, database.db, pino({ level: "silent" }), clock);
  const appDeps: AppDeps = { ...deps, oidc: opts.oidc ?? null };
  const app = createApp(appDeps);
  return { app, deps, clock, database, db: database.db, close: () => database.drop() };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** One app and database per test file, dropped afterwards. */
export function useTestApp(opts: Parameters<typeof buildTestApp>[0] = {}) {
  const holder = {} as { current: TestApp };
  beforeAll(async () => {
    holder.current = await buildTestApp(opts);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return () => holder.current;
}
