// The real app served over HTTP on 127.0.0.1 (a free port), over a fresh database with the demo data,
// and one Chromium per test file. Everything is closed in afterAll.
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { seedDemo } from "../../../src/demo/seed-demo.ts";
import { seedPublicServicesDemo } from "../../../src/demo/seed-public-services.ts";
import { buildTestApp, type TestApp } from "../../support/test-app.ts";
import { DEFAULT_CONTEXT, launchChromium } from "./browser.ts";
import { XasoPage } from "./xaso-page.ts";

export type E2e = {
  baseUrl: string;
  app: TestApp;
  browser: Browser;
  /** A fresh browser context (own cookies and cache), closed in afterAll. */
  newContext(opts?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context, wrapped in the page object. */
  openPage(opts?: BrowserContextOptions): Promise<XasoPage>;
};

export async function startServer(app: TestApp["app"]): Promise<{ server: ServerType; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({ server, baseUrl: `http://127.0.0.1:${info.port}` }),
    );
    server.once("error", reject);
  });
}

export function stopServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ("closeAllConnections" in server) server.closeAllConnections();
  });
}

export type E2eOptions = {
  /** Also the public-services demo (as `npm start` seeds it): the catalogue, Gia Phú's desk settings, the citizen's profile and a few dossiers. */
  publicServices?: boolean;
  /** Settings over the test defaults. MAP_TILE_URL defaults to `none`: no browser test reaches a tile server on the
   * network (report-map.test.ts serves its own tiles from a local stub). */
  env?: Record<string, string>;
};

/** One app, database, HTTP server and browser per test file. */
export function useE2e(opts: E2eOptions = {}): () => E2e {
  let app: TestApp | undefined;
  let server: ServerType | undefined;
  let browser: Browser | undefined;
  let env: E2e | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await buildTestApp({ env: { MAP_TILE_URL: "none", ...opts.env } });
    await seedDemo(app.deps);
    if (opts.publicServices) await seedPublicServicesDemo(app.deps);
    const started = await startServer(app.app);
    server = started.server;
    browser = await launchChromium();
    const b = browser;
    const newContext = async (opts: BrowserContextOptions = {}) => {
      const ctx = await b.newContext({ ...DEFAULT_CONTEXT, ...opts });
      contexts.push(ctx);
      return ctx;
    };
    env = {
      baseUrl: started.baseUrl,
      app,
      browser: b,
      newContext,
      async openPage(opts) {
        const ctx = await newContext(opts);
        return new XasoPage(await ctx.newPage(), started.baseUrl);
      },
    };
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server);
    await app?.close();
  });

  return () => {
    if (!env) throw new Error("the e2e environment is not ready (did beforeAll fail?)");
    return env;
  };
}
