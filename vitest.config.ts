import { defineConfig } from "vitest/config";

// Three projects: pure unit tests; data-layer/API tests (and browser tests) on the embedded PostgreSQL;
// the same data-layer/API tests again on the system PostgreSQL.
const dbTests = ["src/**/*.db.test.{ts,tsx}", "test/integration/**/*.test.{ts,tsx}"];

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "hono/jsx" },
  test: {
    pool: "forks",
    // Vitest's default is one worker fewer than the CPUs: a single one on a 2-core CI machine, idle while
    // PostgreSQL or the browser works. Two keep both cores busy.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default", "./test/support/summary-reporter.ts"],
    setupFiles: ["./test/support/register-messages.ts"],
    projects: [
      // Pure tests share their worker's modules (isolate: false): they hold no state between files, and a fresh
      // process per file cost more than the tests themselves. Mocks and fake timers are still restored per file.
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.unit.test.{ts,tsx}", "test/unit/**/*.test.{ts,tsx}"], isolate: false },
      },
      {
        extends: true,
        test: {
          name: "embedded",
          include: [...dbTests, "test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/global-setup-embedded.ts"],
          env: { XASO_TEST_ENGINE: "embedded" },
        },
      },
      { extends: true, test: { name: "system", include: dbTests, globalSetup: ["test/support/global-setup-system.ts"], env: { XASO_TEST_ENGINE: "system" } } },
    ],
  },
});
