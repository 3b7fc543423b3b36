import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.ts";
import { clientIp, normaliseAddress } from "./client-ip.ts";

/** What the app takes for the client, for one peer, forwarding headers and proxy list. */
async function seen(peer: string, headers: Record<string, string>, trusted: string[]): Promise<string> {
  const app = new Hono();
  app.get("/", (c) => c.text(clientIp(c, trusted) ?? "none"));
  const res = await app.request("/", { headers }, { incoming: { socket: { remoteAddress: peer } } });
  return res.text();
}

describe("clientIp", () => {
  const proxies = loadConfig({ TRUSTED_PROXIES: "10.0.0.0/24, 2001:db8::/32" }).trustedProxies;

  it("believes no forwarding header without a trusted proxy, or from a peer that is not one", async () => {
    const forged = { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" };
    expect(await seen("198.51.100.4", forged, [])).toBe("198.51.100.4");
    expect(await seen("198.51.100.4", forged, proxies)).toBe("198.51.100.4");
    // The former TRUST_PROXY=true believed X-Real-IP from anyone; now only from a proxy on this machine.
    const legacy = loadConfig({ TRUST_PROXY: "true" }).trustedProxies;
    expect(await seen("198.51.100.4", forged, legacy)).toBe("198.51.100.4");
    expect(await seen("::ffff:127.0.0.1", { "x-real-ip": "203.0.113.9" }, legacy)).toBe("203.0.113.9");
  });

  it("reads X-Forwarded-For from the right, skipping trusted proxies, so a forged left part is ignored", async () => {
    expect(await seen("10.0.0.5", { "x-forwarded-for": "203.0.113.9" }, proxies)).toBe("203.0.113.9");
    expect(await seen("10.0.0.5", { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.7" }, proxies)).toBe("203.0.113.9");
    expect(await seen("2001:db8::1", { "x-forwarded-for": "[2001:db8:ffff::9]:4711, 2001:db8::2" }, proxies)).toBe("2001:db8:ffff::9");
    // X-Forwarded-For wins over X-Real-IP; without it, X-Real-IP; a hop that is not an address stops the walk.
    expect(await seen("10.0.0.5", { "x-forwarded-for": "203.0.113.9", "x-real-ip": "1.2.3.4" }, proxies)).toBe("203.0.113.9");
    expect(await seen("10.0.0.5", { "x-real-ip": "203.0.113.10" }, proxies)).toBe("203.0.113.10");
    expect(await seen("10.0.0.5", { "x-forwarded-for": "203.0.113.9, not-an-address, 10.0.0.8" }, proxies)).toBe("10.0.0.8");
    expect(await seen("10.0.0.5", {}, proxies)).toBe("10.0.0.5");
  });

  it("normalises the forms addresses come in", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normaliseAddress(" [2001:db8::1]:443 ")).toBe("2001:db8::1");
    expect(normaliseAddress("unknown")).toBeNull();
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or a CIDR range", () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: "10.0.0.1, 10.0.0.0/33, proxy.local" })).toThrow(ConfigError);
    expect(loadConfig({}).trustedProxies).toEqual([]);
  });
});
