// A third-party Open311 client drives our GeoReport v2 server end to end over a real socket: Code for America's
// node-open311 (npm `open311` 0.0.12, with its `request` library), in JSON and in XML. Its two XML dependencies are
// stand-ins (test/open311-client): sparkxml by the Spark convention, xml2json as xml2json answers { object: true }.
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { buildUser, buildVillage, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { buildDrainCategory, buildReport, buildReportCategory } from "../support/report-factories.ts";
import { type TestApp, useTestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

const require = createRequire(import.meta.url);

/**
 * The client with this tree's stand-ins: node_modules may be another checkout's (a worktree shares one), so the
 * client's own `require("sparkxml")`/`require("xml2json")` is pointed at the files beside this test.
 */
function loadClient(): new (options: Record<string, unknown>) => Open311Client {
  const clientPath = require.resolve("open311");
  const clientRequire = createRequire(clientPath);
  for (const name of ["sparkxml", "xml2json"]) {
    const resolved = clientRequire.resolve(name);
    const shim = require.resolve(`../open311-client/${name}/index.cjs`);
    if (resolved === shim) continue;
    require(shim);
    require.cache[resolved] = require.cache[shim];
  }
  return require("open311");
}

type Callback<T> = (err: unknown, data: T) => void;
type Open311Client = {
  endpoint: string;
  format: string;
  serviceDiscovery(options: Record<string, unknown>, cb: Callback<unknown>): void;
  serviceList(cb: Callback<unknown>): void;
  serviceDefinition(code: string, cb: Callback<unknown>): void;
  submitRequest(data: Record<string, unknown>, cb: Callback<unknown>): void;
  token(token: string, cb: Callback<unknown>): void;
  serviceRequests(idOrParams: unknown, params?: unknown, cb?: Callback<unknown>): void;
};

/** The client's callbacks as promises; an error (its `err` is true or a status) rejects with the body it gave. */
const call = <T = unknown>(fn: (cb: Callback<unknown>) => void) =>
  new Promise<T>((resolve, reject) => fn((err, data) => (err ? reject(new Error(`${String(err)}: ${JSON.stringify(data)}`)) : resolve(data as T))));

describeDb("node-open311 (Code for America) against our GeoReport v2 server", () => {
  const app = useTestApp();
  let x: TestApp;
  let server: ReturnType<typeof serve>;
  let origin: string;
  let apiKey: string;
  let published: string;
  let Open311: ReturnType<typeof loadClient>;

  beforeAll(async () => {
    x = app();
    Open311 = loadClient();
    const village = (await buildVillage(x.deps, GIA_PHU)).code;
    const drain = await buildDrainCategory(x.deps);
    await buildReportCategory(x.deps, { code: "road" });
    published = (await buildReport(x.deps, { categoryId: drain.id, villageCode: village, status: "in_progress", createdAt: x.clock.now() })).code;
    const a = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    const officer = new TestClient(x.app);
    await officer.signIn(a.username, PASSWORD);
    const page = await (await officer.post("/office/open311-clients", { name: "node-open311", unitCode: GIA_PHU })).text();
    apiKey = /<code>(o311_[A-Za-z0-9_-]+)<\/code>/.exec(page)![1]!;
    await new Promise<void>((resolve) => {
      server = serve({ fetch: x.app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve());
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  for (const format of ["json", "xml"] as const) {
    describe(`in ${format.toUpperCase()}`, () => {
      const client = () => new Open311({ discovery: `${origin}/open311/v2/discovery.${format}`, jurisdiction: GIA_PHU, apiKey, format });

      it("discovers the endpoint and lists and defines the services", async () => {
        const o = client();
        const discovery = (await call((cb) => o.serviceDiscovery({ cache: true }, cb))) as { endpoints: { url: string; formats: string[] }[] };
        expect(discovery.endpoints[0]!.url).toBe(`${origin}/open311/v2`);
        expect(discovery.endpoints[0]!.formats).toEqual(["text/xml", "application/json"]);
        // The client took the endpoint from the discovery document.
        expect(o.endpoint).toBe(`${origin}/open311/v2/`);
        o.format = format;
        const services = (await call((cb) => o.serviceList(cb))) as { service_code: string; metadata: unknown }[];
        expect(services.map((s) => s.service_code).sort()).toEqual(["drain", "road"]);
        expect(String(services.find((s) => s.service_code === "drain")!.metadata)).toBe("true");
        const def = (await call((cb) => o.serviceDefinition("drain", cb))) as {
          service_code: string;
          attributes: { code: string; values: { key: string }[] }[];
        };
        expect(def.service_code).toBe("drain");
        expect(def.attributes[0]!.code).toBe("size");
        expect(def.attributes[0]!.values.map((v) => v.key)).toEqual(["small", "large"]);
      });

      it("submits a request with its api_key, resolves its token, and reads it back alone and in filtered lists", async () => {
        const o = client();
        o.endpoint = `${origin}/open311/v2/`;
        const [answer] = (await call((cb) =>
          o.submitRequest(
            {
              service_code: "drain",
              description: `Cống tắc, nước tràn (${format})`,
              address_string: "Trước chợ",
              lat: 22.35,
              long: 104.05,
              attributes: { size: "large" },
            },
            cb,
          ),
        )) as { service_request_id: string; token: string }[];
        expect(answer!.service_request_id).toMatch(/^PA-/);

        const fromToken = (await call((cb) => o.token(answer!.token, cb))) as { service_request_id: string }[];
        expect(fromToken[0]!.service_request_id).toBe(answer!.service_request_id);

        const [published_] = (await call((cb) => o.serviceRequests(published, cb))) as {
          service_request_id: string;
          status: string;
          requested_datetime: Date;
        }[];
        expect(published_).toMatchObject({ service_request_id: published, status: "open" });
        expect(published_!.requested_datetime.getTime()).toBe(x.clock.now().getTime() - (x.clock.now().getTime() % 1000));

        const both = (await call((cb) => o.serviceRequests([published, answer!.service_request_id], cb))) as { service_request_id: string }[];
        // The new request is public (its category is public by default), so anyone may list it.
        expect(both.map((r) => r.service_request_id).sort()).toEqual([published, answer!.service_request_id].sort());
        const open = (await call((cb) => o.serviceRequests({ status: "open", service_code: "drain" }, cb))) as { service_request_id: string }[];
        expect(open.map((r) => r.service_request_id)).toContain(published);
        const closed = (await call((cb) => o.serviceRequests({ status: "closed" }, cb))) as unknown[];
        expect(closed ?? []).toEqual([]);
      });

      it("hears a refusal as the client's error: a wrong key, a missing attribute", async () => {
        const o = client();
        o.endpoint = `${origin}/open311/v2/`;
        (o as unknown as { apiKey: string }).apiKey = "o311_wrong";
        await expect(call((cb) => o.submitRequest({ service_code: "road", description: "x", address_string: "y" }, cb))).rejects.toThrow(/^403: .*api_key/);
        const right = client();
        right.endpoint = `${origin}/open311/v2/`;
        await expect(call((cb) => right.submitRequest({ service_code: "drain", description: "x", address_string: "y" }, cb))).rejects.toThrow(
          /^400: .*attribute\[size\]/,
        );
      });
    });
  }
});
