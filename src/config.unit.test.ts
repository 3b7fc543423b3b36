import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { CONFIG_VARIABLES, ConfigError, estimatedEntropyBits, loadConfig, MIN_SECRET_BITS } from "./config.ts";

// A production configuration that passes every check; each test spoils one variable.
const PRODUCTION = { NODE_ENV: "production", SESSION_SECRET: "q7Vd0xK3mZ9pL2sR8tY4wB6nH1cF5gJ0aE3uI7oP9kM", PUBLIC_URL: "https://xa.example.vn" };

describe("loadConfig", () => {
  it("gives working defaults for a commune PC with nothing set", () => {
    const c = loadConfig({});
    expect(c.env).toBe("development");
    expect(c.databaseUrl).toBeUndefined();
    expect(c.servedProvinces).toEqual(["15"]);
    expect(c.seedDemo).toBe(true);
    expect(c.cookieSecure).toBe(false);
  });

  it("stops boot with the full list of bad values, not just the first", () => {
    try {
      loadConfig({ PORT: "seventy", DATABASE_URL: "mysql://x", SERVED_PROVINCES: "15,7", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      for (const name of ["PORT", "DATABASE_URL", "SERVED_PROVINCES", "LOG_LEVEL"]) expect(problems).toContain(name);
    }
  });

  it("requires real secrets and a public URL in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET[\s\S]*PUBLIC_URL|PUBLIC_URL[\s\S]*SESSION_SECRET/);
    const c = loadConfig(PRODUCTION);
    expect(c.cookieSecure).toBe(true);
    expect(c.seedDemo).toBe(false);
  });

  it("refuses, in production, each setting that would weaken it, naming the variable", () => {
    const refused = (env: Record<string, string>, name: string, why: RegExp) => {
      try {
        loadConfig({ ...PRODUCTION, ...env });
        expect.unreachable(`${JSON.stringify(env)} was accepted`);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^${name}: .*${why.source}`))]);
      }
    };
    refused({ SEED_DEMO: "true" }, "SEED_DEMO", /must not be true in production/);
    refused({ PUBLIC_URL: "http://xa.example.vn" }, "PUBLIC_URL", /https:\/\//);
    refused({ COOKIE_SECURE: "false" }, "COOKIE_SECURE", /must not be false in production/);
    refused({ SESSION_SECRET: "x".repeat(40) }, "SESSION_SECRET", /not random enough/);
    refused({ SESSION_SECRET: "ab".repeat(32) }, "SESSION_SECRET", /not random enough/);
    refused({ SESSION_SECRET: "correct horse battery staple xyz" }, "SESSION_SECRET", /not random enough/);
    refused({ SESSION_SECRET: "change-me-to-a-long-random-string-0123456789" }, "SESSION_SECRET", /placeholder/);
    // The same values are fine outside production (tests and a commune PC on http://localhost).
    expect(loadConfig({ SEED_DEMO: "true", PUBLIC_URL: "http://localhost:3000", COOKIE_SECURE: "false", SESSION_SECRET: "x".repeat(40) }).seedDemo).toBe(true);
    // Explicitly secure and no demo are accepted; a generated secret passes the entropy check.
    expect(loadConfig({ ...PRODUCTION, COOKIE_SECURE: "true", SEED_DEMO: "false", SESSION_SECRET: randomBytes(32).toString("hex") }).env).toBe("production");
  });

  it("estimates a secret's entropy from its characters", () => {
    expect(estimatedEntropyBits("x".repeat(64))).toBe(0);
    expect(estimatedEntropyBits("ab".repeat(32))).toBe(64);
    expect(estimatedEntropyBits(randomBytes(32).toString("base64url"))).toBeGreaterThan(MIN_SECRET_BITS);
  });

  it("needs a client id once an OIDC issuer is set", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://sso.example.vn" })).toThrow(/OIDC_CLIENT_ID/);
    expect(loadConfig({ OIDC_ISSUER: "https://sso.example.vn", OIDC_CLIENT_ID: "xaso" }).oidc?.claims.citizenId).toBe("citizen_id");
  });

  it("documents every variable in .env.example", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    for (const name of CONFIG_VARIABLES) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, "m"));
  });
});
