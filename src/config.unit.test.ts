import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "./config.ts";

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
    const c = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PUBLIC_URL: "https://xa.example.vn" });
    expect(c.cookieSecure).toBe(true);
    expect(c.seedDemo).toBe(false);
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
