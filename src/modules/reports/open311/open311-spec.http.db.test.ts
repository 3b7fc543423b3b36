// Our GeoReport v2 answers against the specification's own text (test/fixtures/open311, CC BY 3.0): the field names of
// each method's "Response" table, the values its "Options"/"Possible values" allow, the content types and the date
// format it prescribes, and Service Discovery's fields — all read from the fixture, none from our code.
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";

const FIXTURES = new URL("../../../../test/fixtures/open311/", import.meta.url);
const spec = readFileSync(new URL("GeoReport_v2.md", FIXTURES), "utf8");
const discoverySpec = readFileSync(new URL("Service_Discovery.md", FIXTURES), "utf8");

/** A "#### Response" table: containers (⇊ a list, ↴ an element of it) and the fields under the innermost one. */
type Group = { container: string; list: boolean; fields: string[]; options: Map<string, string[]> };
type Method = { containers: { name: string; list: boolean }[]; groups: Group[] };

function responseOf(heading: string, text = spec): Method {
  const start = text.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading} in the specification`);
  const next = text.indexOf("\n### ", start + 5);
  const section = text.slice(start, next < 0 ? undefined : next);
  const table = section.slice(section.indexOf("#### Response"));
  const method: Method = { containers: [], groups: [] };
  let group: Group | null = null;
  for (const line of table.split("\n").slice(1)) {
    if (line.startsWith("####")) break;
    const m = /^\|\s*`([a-z_]+)`\s*(⇊|↴)?\s*\|(.*)$/.exec(line);
    if (!m) continue;
    const [, name, mark, rest] = m;
    if (mark) {
      method.containers.push({ name: name!, list: mark === "⇊" });
      if (mark === "↴") {
        group = { container: name!, list: false, fields: [], options: new Map() };
        method.groups.push(group);
      }
      continue;
    }
    const options = /(?:Options|Possible values):\s*((?:`[^`]+`[,.\s]*)+)/.exec(rest!);
    group!.fields.push(name!);
    if (options)
      group!.options.set(
        name!,
        [...options[1]!.matchAll(/`([^`]+)`/g)].map((o) => o[1]!),
      );
  }
  if (method.groups.length === 0) throw new Error(`no response table under ${heading}`);
  return method;
}

const contentTypes = Object.fromEntries([...spec.matchAll(/\*\*(XML|JSON):\*\* Content-Type: ([^\n]+)/g)].map((m) => [m[1]!.toLowerCase(), m[2]!.trim()]));
// "Timezone information (either Z meaning UTC, or an HH:MM offset from UTC) must be included", example given in the text.
const dateExample = /-\s+(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}) corresponds/.exec(spec)![1]!;
const W3C = new RegExp(
  `^${dateExample
    .replace(/[-+]\d{2}:\d{2}$/, "ZONE")
    .replace(/\d/g, "\\d")
    .replace("ZONE", "(?:Z|[-+]\\d{2}:\\d{2})")}$`,
);

const xml = new XMLParser({ parseTagValue: false, isArray: () => false });

/** Every object in a JSON tree. */
function objectsIn(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const n of node) objectsIn(n, out);
  else if (node && typeof node === "object") {
    out.push(node as Record<string, unknown>);
    for (const v of Object.values(node)) objectsIn(v, out);
  }
  return out;
}

/** Every XML element of this name, each as a parsed object (a repeated element gives several). */
function elementsIn(node: unknown, name: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const n of node) elementsIn(n, name, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === name) out.push(...(Array.isArray(v) ? v : [v]));
      elementsIn(v, name, out);
    }
  }
  return out;
}

describeDb("GeoReport v2 answers carry the specification's fields and formats", () => {
  const app = useTestApp();
  let x: TestApp;
  let requestId: string;
  let token: string;
  let apiKey: string;
  const base = "/open311/v2";
  const get = (path: string) => x.app.request(`${base}/${path}`);

  beforeAll(async () => {
    x = app();
    const village = (await buildVillage(x.deps, GIA_PHU)).code;
    const cat = await buildReportCategory(x.deps, {
      code: "drain",
      attributes: [
        {
          code: "size",
          datatype: "singlevaluelist",
          required: true,
          description_vi: "Mức độ",
          order: 1,
          values: [{ key: "small", name_vi: "Nhỏ" }],
        },
      ],
    });
    await buildReport(x.deps, { categoryId: cat.id, villageCode: village, lat: 22.3, lon: 104.1, status: "resolved", createdAt: x.clock.now() });
    const a = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    const officer = new TestClient(x.app);
    await officer.signIn(a.username, PASSWORD);
    const page = await (await officer.post("/office/open311-clients", { name: "Spec client", unitCode: GIA_PHU })).text();
    apiKey = /<code>(o311_[A-Za-z0-9_-]+)<\/code>/.exec(page)![1]!;
    const res = await x.app.request(`${base}/requests.json`, {
      method: "POST",
      body: new URLSearchParams({
        jurisdiction_id: GIA_PHU,
        api_key: apiKey,
        service_code: "drain",
        "attribute[size]": "small",
        description: "Tắc",
        lat: "22.3",
        long: "104.1",
      }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const [answer] = (await res.json()) as { service_request_id: string; token: string }[];
    requestId = answer!.service_request_id;
    token = answer!.token;
  });

  const j = `jurisdiction_id=${GIA_PHU}`;
  const cases: { heading: string; path: () => string; post?: boolean }[] = [
    { heading: "GET Service List", path: () => `services.{fmt}?${j}` },
    { heading: "GET Service Definition", path: () => `services/drain.{fmt}?${j}` },
    { heading: "GET service_request_id from a token", path: () => `tokens/${token}.{fmt}?${j}` },
    { heading: "GET Service Requests", path: () => `requests.{fmt}?${j}` },
    { heading: "GET Service Request", path: () => `requests/${requestId}.{fmt}?${j}` },
    { heading: "Errors", path: () => `requests/PA-NONE.{fmt}?${j}` },
  ];

  for (const c of cases) {
    const method = responseOf(c.heading);

    it(`${c.heading}: the JSON answer has every field of the spec's response table, with allowed values`, async () => {
      const res = await get(c.path().replace("{fmt}", "json"));
      expect(res.headers.get("content-type")).toBe(contentTypes.json);
      const body = (await res.json()) as unknown;
      // A root container that is a list (services, service_requests, errors) is the JSON array itself.
      expect(Array.isArray(body)).toBe(method.containers[0]!.list);
      const objects = objectsIn(body);
      for (const g of method.groups) {
        const holders = objects.filter((o) => g.fields.every((f) => f in o));
        expect(holders.length, `${g.container}: ${g.fields.join(", ")} in ${JSON.stringify(body)}`).toBeGreaterThan(0);
        for (const o of holders) {
          for (const [f, allowed] of g.options) if (o[f] !== null) expect(allowed, `${f}`).toContain(String(o[f]));
          for (const f of g.fields.filter((f) => f.endsWith("_datetime"))) if (o[f] !== null) expect(o[f]).toMatch(W3C);
        }
      }
      // Nested lists are JSON arrays (the Spark convention): attributes, values.
      for (const ct of method.containers.slice(1).filter((k) => k.list)) {
        for (const o of objects.filter((o) => ct.name in o)) expect(Array.isArray(o[ct.name])).toBe(true);
      }
    });

    it(`${c.heading}: the XML answer has the spec's elements, each with its fields`, async () => {
      const res = await get(c.path().replace("{fmt}", "xml"));
      expect(res.headers.get("content-type")).toBe(contentTypes.xml);
      const text = await res.text();
      expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/i);
      const doc = xml.parse(text) as Record<string, unknown>;
      expect(Object.keys(doc).filter((k) => k !== "?xml")).toEqual([method.containers[0]!.name]);
      for (const g of method.groups) {
        const elements = elementsIn(doc, g.container);
        expect(elements.length, g.container).toBeGreaterThan(0);
        for (const e of elements) for (const f of g.fields) expect(Object.keys(e as object), `${g.container}.${f}`).toContain(f);
      }
    });
  }

  it("POST Service Request: the answer has the spec's fields, in JSON and XML", async () => {
    const method = responseOf("POST Service Request");
    const [group] = method.groups;
    expect(method.containers[0]).toEqual({ name: "service_requests", list: true });
    const form = { jurisdiction_id: GIA_PHU, api_key: apiKey, service_code: "drain", "attribute[size]": "small", description: "Tắc", address_string: "Chợ" };
    const postAs = (fmt: string) =>
      x.app.request(`${base}/requests.${fmt}`, {
        method: "POST",
        body: new URLSearchParams(form).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const asJson = (await (await postAs("json")).json()) as Record<string, unknown>[];
    expect(Array.isArray(asJson)).toBe(true);
    for (const f of group!.fields) expect(asJson[0], f).toHaveProperty(f);
    const asXml = xml.parse(await (await postAs("xml")).text()) as Record<string, unknown>;
    const [request] = elementsIn(asXml, group!.container);
    for (const f of group!.fields) expect(Object.keys(request as object), f).toContain(f);
  });

  it("Service Discovery: every field the discovery spec lists, in JSON and XML", async () => {
    const names = [...discoverySpec.matchAll(/^-\s+\*\*([a-z_.]+)\*\*/gm)].map((m) => m[1]!);
    expect(names).toContain("endpoints.endpoint.specification");
    const doc = (await (await get("discovery.json")).json()) as Record<string, unknown> & { endpoints: Record<string, unknown>[] };
    const xdoc = xml.parse(await (await get("discovery.xml")).text()).discovery as Record<string, unknown> & {
      endpoints: { endpoint: Record<string, unknown> };
    };
    for (const name of names) {
      const parts = name.split(".");
      if (parts.length === 1) {
        expect(doc, name).toHaveProperty(name);
        expect(xdoc, name).toHaveProperty(name);
      } else if (parts.length === 3) {
        expect(doc.endpoints[0], name).toHaveProperty(parts[2]!);
        expect(xdoc.endpoints.endpoint, name).toHaveProperty(parts[2]!);
      } else if (parts.length === 4) {
        // formats.format: a list of MIME types
        expect(Array.isArray(doc.endpoints[0]![parts[2]!])).toBe(true);
        expect(xdoc.endpoints.endpoint[parts[2]!], name).toHaveProperty(parts[3]!);
      }
    }
    const types = [...discoverySpec.matchAll(/Either "([a-z]+)" or "([a-z]+)"/g)].flatMap((m) => [m[1], m[2]]);
    expect(types).toContain(doc.endpoints[0]!.type);
  });
});

describe("the specification fixture", () => {
  it("is read, not assumed: the response tables list the fields the tests check", () => {
    expect(responseOf("GET Service Requests").groups[0]!.fields).toEqual(expect.arrayContaining(["service_request_id", "status_notes", "media_url"]));
    expect(responseOf("GET Service Definition").groups.map((g) => g.container)).toEqual(["service_definition", "attribute", "value"]);
    expect(contentTypes).toEqual({ xml: "text/xml; charset=utf-8", json: "application/json; charset=utf-8" });
  });
});
