import { Hono, type MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers.ts";

const CSP = { defaultSrc: ["'self'"], scriptSrc: ["'self'"], imgSrc: ["'self'", "data:"], frameAncestors: ["'none'"], baseUri: ["'none'"] };

async function headersOf(mw: MiddlewareHandler) {
  const app = new Hono();
  app.use(mw);
  app.get("/", (c) => c.html("<p>ok</p>"));
  app.get("/boom", () => {
    throw new Error("boom");
  });
  app.onError((_err, c) => c.html("<p>sorry</p>", 500));
  const pick = (r: Response) => {
    const out: Record<string, string> = {};
    r.headers.forEach((v, k) => {
      if (k !== "content-type") out[k] = v;
    });
    return out;
  };
  return { ok: pick(await app.request("/")), error: pick(await app.request("/boom")) };
}

describe("security headers", () => {
  for (const hsts of [false, true]) {
    it(`are exactly Hono's secureHeaders() with the same options (HSTS ${hsts ? "on" : "off"}), on answers and on errors`, async () => {
      const ours = await headersOf(securityHeaders({ csp: CSP, hsts, deniedFeatures: ["camera", "microphone"], selfFeatures: ["geolocation"] }));
      const hono = await headersOf(
        secureHeaders({
          contentSecurityPolicy: CSP,
          xFrameOptions: "DENY",
          referrerPolicy: "strict-origin-when-cross-origin",
          strictTransportSecurity: hsts ? "max-age=31536000; includeSubDomains" : false,
          crossOriginEmbedderPolicy: false,
          permissionsPolicy: { camera: [], microphone: [], geolocation: ["self"] },
        }),
      );
      expect(Object.keys(ours.ok).length).toBeGreaterThanOrEqual(12);
      expect(ours.ok).toEqual(hono.ok);
      expect(ours.error).toEqual(hono.error);
    });
  }
});
