// Open311 GeoReport v2 through the app: jurisdictions, services with the commune overriding the province, attributes,
// posting with a registered key (and every refusal in Open311's own error format, nothing written), tokens, filters,
// who sees which request, the office pages that register and revoke clients, and that a session cookie lends nothing.
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fromAddress, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildDrainCategory, buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { OPEN311_POST_LIMITS } from "../use-cases/open311-post.ts";

type O311Error = { code: number; description: string };
const BASE = "/open311/v2";
const xml = new XMLParser({ parseTagValue: false });

describeDb("Open311 GeoReport v2 over HTTP", () => {
  const app = useTestApp();
  let x: TestApp;
  let admin: TestClient;
  let stranger: TestClient;
  let apiKey: string;
  let clientId: string;
  let road: string;
  let hidden: string;
  let village: string;

  const get = (path: string, headers: Record<string, string> = {}) => x.app.request(`${BASE}/${path}`, { headers });
  const post = (fields: Record<string, string>, fmt = "json", via: { request: TestApp["app"]["request"] } = x.app) =>
    via.request(`${BASE}/requests.${fmt}`, {
      method: "POST",
      body: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    });
  const countReports = async () => Number((await x.db.query("SELECT count(*) AS n FROM reports")).rows[0]!.n);
  const errorsOf = async (res: Response) => (await res.json()) as O311Error[];

  beforeAll(async () => {
    x = app();
    village = (await buildVillage(x.deps, GIA_PHU)).code;
    // A province default overridden by the commune (same code), one only the province has, one with attributes.
    await buildReportCategory(x.deps, { communeCode: null, provinceCode: "15", code: "road", nameVi: "Đường (tỉnh)", responsibleUnit: "Sở Xây dựng" });
    road = (await buildReportCategory(x.deps, { code: "road", nameVi: "Đường hỏng", nameEn: "Broken road", responsibleUnit: "Công chức Địa chính" })).id;
    await buildReportCategory(x.deps, { communeCode: null, provinceCode: "15", code: "light", nameVi: "Đèn đường", nameEn: "Street light" });
    await buildDrainCategory(x.deps, [
      { code: "since", datatype: "datetime", required: false, description_vi: "Từ khi nào", description_en: "Since when", order: 2 },
    ]);
    hidden = (await buildReportCategory(x.deps, { code: "private", publicByDefault: false })).id;
    const a = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    admin = new TestClient(x.app);
    await admin.signIn(a.username, PASSWORD);
    const s = await buildUser(x.deps, { roles: [["commune_admin", BAO_THANG]] });
    stranger = new TestClient(x.app);
    await stranger.signIn(s.username, PASSWORD);
  });

  describe("reads", () => {
    it("publishes a discovery document in JSON and XML", async () => {
      const res = await get("discovery.json");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const doc = (await res.json()) as { endpoints: { specification: string; url: string; formats: string[]; type: string }[] };
      expect(doc.endpoints[0]).toMatchObject({ specification: "http://wiki.open311.org/GeoReport_v2", type: "production" });
      expect(doc.endpoints[0]!.url).toMatch(/\/open311\/v2$/);
      expect(doc.endpoints[0]!.formats).toEqual(["text/xml", "application/json"]);
      const x2 = await get("discovery.xml");
      expect(x2.headers.get("content-type")).toBe("text/xml; charset=utf-8");
      const body = await x2.text();
      expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(xml.parse(body).discovery.endpoints.endpoint.formats.format).toEqual(["text/xml", "application/json"]);
    });

    it("needs a jurisdiction when it serves several communes, and refuses an unknown one, in Open311's error format", async () => {
      const none = await get("services.json");
      expect(none.status).toBe(400);
      const [e] = await errorsOf(none);
      expect(e).toMatchObject({ code: 400 });
      expect(e!.description).toContain("jurisdiction_id");
      const unknown = await get("services.xml?jurisdiction_id=99999");
      expect(unknown.status).toBe(404);
      const parsed = xml.parse(await unknown.text());
      expect(parsed.errors.error.code).toBe("404");
      expect(parsed.errors.error.description).toContain("jurisdiction_id");
    });

    it("lists the commune's services: its own rows override the province's of the same code", async () => {
      const res = await get(`services.json?jurisdiction_id=${GIA_PHU}`, { "accept-language": "en" });
      expect(res.status).toBe(200);
      const services = (await res.json()) as { service_code: string; service_name: string; metadata: boolean; type: string; group: string }[];
      const byCode = new Map(services.map((s) => [s.service_code, s]));
      expect(byCode.get("road")).toMatchObject({ service_name: "Broken road", group: "commune", type: "realtime", metadata: false });
      expect(byCode.get("light")).toMatchObject({ group: "province" });
      expect(byCode.get("drain")).toMatchObject({ metadata: true });
      expect(services.filter((s) => s.service_code === "road")).toHaveLength(1);
      const vi = (await (await get(`services.json?jurisdiction_id=${GIA_PHU}`)).json()) as { service_code: string; service_name: string }[];
      expect(vi.find((s) => s.service_code === "road")!.service_name).toBe("Đường hỏng");
    });

    it("defines a service's attributes, and 404s an unknown service_code", async () => {
      const res = await get(`services/drain.json?jurisdiction_id=${GIA_PHU}`, { "accept-language": "en" });
      expect(res.status).toBe(200);
      const def = (await res.json()) as { service_code: string; attributes: { code: string; required: boolean; order: number; values: unknown[] }[] };
      expect(def.service_code).toBe("drain");
      expect(def.attributes.map((a) => a.code)).toEqual(["size", "since"]);
      expect(def.attributes[0]).toMatchObject({
        required: true,
        order: 1,
        values: [
          { key: "small", name: "Small" },
          { key: "large", name: "Large" },
        ],
      });
      const asXml = xml.parse(await (await get(`services/drain.xml?jurisdiction_id=${GIA_PHU}`)).text());
      expect(asXml.service_definition.attributes.attribute[0].values.value).toHaveLength(2);
      const missing = await get(`services/nope.json?jurisdiction_id=${GIA_PHU}`);
      expect(missing.status).toBe(404);
      expect((await errorsOf(missing))[0]!.description).toContain("service_code");
    });

    it("answers an unknown path under the base with Open311's 404", async () => {
      const res = await get("nothing.xml");
      expect(res.status).toBe(404);
      expect(xml.parse(await res.text()).errors.error.code).toBe("404");
    });
  });

  describe("clients and posting", () => {
    it("registers a client in the office: the key is shown once and only its hash is kept (audited)", async () => {
      const page = await admin.get("/office/open311-clients");
      expect(page.status).toBe(200);
      const bad = await admin.post("/office/open311-clients", { name: "", unitCode: "9" });
      expect(bad.status).toBe(400);
      const res = await admin.post("/office/open311-clients", { name: "Ứng dụng tỉnh", contact: "cntt@laocai.gov.vn", unitCode: GIA_PHU });
      expect(res.status).toBe(201);
      const html = await res.text();
      apiKey = /<code>(o311_[A-Za-z0-9_-]+)<\/code>/.exec(html)![1]!;
      const row = (await x.db.query("SELECT id, key_hash, key_hint FROM open311_clients WHERE name = 'Ứng dụng tỉnh'")).rows[0]!;
      clientId = row.id;
      expect(row.key_hash).toHaveLength(64);
      expect(row.key_hash).not.toContain(apiKey);
      expect(row.key_hint).toBe(apiKey.slice(-4));
      expect(await (await admin.get("/office/open311-clients")).text()).not.toContain(apiKey);
      const audit = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'open311Client.registered' AND target_id = $1", [clientId]);
      expect(audit.rowCount).toBe(1);
    });

    it("refuses bad posts in Open311's format, naming the field, and writes nothing", async () => {
      const before = await countReports();
      const ok = { jurisdiction_id: GIA_PHU, api_key: apiKey, service_code: "road", description: "Ổ gà", address_string: "Cầu tràn" };
      const cases: [Record<string, string>, number, string][] = [
        [{ ...ok, api_key: "" }, 403, "api_key"],
        [{ ...ok, api_key: "o311_wrong" }, 403, "api_key"],
        [{ ...ok, service_code: "" }, 400, "service_code"],
        [{ ...ok, service_code: "nope" }, 404, "service_code"],
        [{ ...ok, description: "" }, 400, "description"],
        [{ ...ok, description: "x".repeat(2001) }, 400, "description"],
        [{ ...ok, address_string: "" }, 400, "lat"],
        [{ ...ok, lat: "21.5" }, 400, "long"],
        [{ ...ok, lat: "91", long: "104" }, 400, "lat"],
        [{ ...ok, lat: "abc", long: "104" }, 400, "lat"],
        [{ ...ok, address_id: "02923.999" }, 400, "address_id"],
        [{ ...ok, email: "not-an-email" }, 400, "email"],
        [{ ...ok, media_url: "file:///etc/passwd" }, 400, "media_url"],
        [{ ...ok, service_code: "drain" }, 400, "attribute[size]"],
        [{ ...ok, service_code: "drain", "attribute[size]": "huge" }, 400, "attribute[size]"],
        [{ ...ok, service_code: "drain", "attribute[size]": "small", "attribute[since]": "yesterday" }, 400, "attribute[since]"],
        [{ ...ok, service_code: "drain", "attribute[size]": "small", "attribute[colour]": "red" }, 400, "attribute[colour]"],
        [{ ...ok, jurisdiction_id: BAO_THANG }, 403, "api_key"],
        [{ ...ok, jurisdiction_id: "" }, 400, "jurisdiction_id"],
      ];
      for (const [fields, status, field] of cases) {
        const res = await post(fields);
        expect(res.status, JSON.stringify(fields)).toBe(status);
        const errors = await errorsOf(res);
        expect(
          errors.some((e) => e.description.includes(field) && e.code === status),
          `${field}: ${JSON.stringify(errors)}`,
        ).toBe(true);
      }
      const asXml = await post({ ...ok, api_key: "o311_wrong" }, "xml");
      expect(asXml.status).toBe(403);
      expect(xml.parse(await asXml.text()).errors.error.code).toBe("403");
      const notForm = await x.app.request(`${BASE}/requests.json`, {
        method: "POST",
        body: JSON.stringify(ok),
        headers: { "content-type": "application/json" },
      });
      expect(notForm.status).toBe(400);
      expect(await countReports()).toBe(before);
    });

    it("posts a request, answers its id and a token, and finds it by both", async () => {
      const res = await post({
        jurisdiction_id: GIA_PHU,
        api_key: apiKey,
        service_code: "drain",
        "attribute[size]": "large",
        "attribute[since]": "2026-11-20",
        description: "Cống trước nhà văn hóa bị tắc, nước tràn ra đường",
        address_string: "Trước nhà văn hóa",
        address_id: village,
        lat: "22.35",
        long: "104.05",
        first_name: "Lò",
        last_name: "Thị Mai",
        phone: "0912345678",
        email: "mai@example.vn",
        device_id: "dev-1",
        account_id: "acc-7",
        media_url: "https://example.org/photo.jpg",
      });
      expect(res.status).toBe(200);
      const [answer] = (await res.json()) as { service_request_id: string; token: string; service_notice: string; account_id: string }[];
      expect(answer!.service_request_id).toMatch(/^PA-/);
      expect(answer!.token.length).toBeGreaterThan(10);
      expect(answer!.account_id).toBe("acc-7");
      const row = (
        await x.db.query("SELECT channel, open311_client_id, location_source, attributes, village_code FROM reports WHERE code = $1", [
          answer!.service_request_id,
        ])
      ).rows[0]!;
      expect(row).toMatchObject({ channel: "open311", open311_client_id: clientId, location_source: "open311", village_code: village });
      expect(row.attributes).toMatchObject({ size: "large", since: "2026-11-20" });
      expect(JSON.stringify(row.attributes)).not.toContain("dev-1");

      const byToken = await get(`tokens/${answer!.token}.json?jurisdiction_id=${GIA_PHU}`);
      expect(await byToken.json()).toEqual([{ service_request_id: answer!.service_request_id, token: answer!.token }]);
      expect((await get(`tokens/unknown.json?jurisdiction_id=${GIA_PHU}`)).status).toBe(404);

      const one = await get(`requests/${answer!.service_request_id}.json?jurisdiction_id=${GIA_PHU}`);
      expect(one.status).toBe(200);
      const [req] = (await one.json()) as Record<string, unknown>[];
      expect(req).toMatchObject({ service_request_id: answer!.service_request_id, status: "open", service_code: "drain", lat: 22.35, long: 104.05 });
      expect(req!.address).toContain("Trước nhà văn hóa");
      expect(req!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      // No reporter's data in a public answer.
      const text = JSON.stringify(req);
      for (const personal of ["Mai", "0912345678", "mai@example.vn", "example.org"]) expect(text).not.toContain(personal);
    });

    it("lets a signed-in officer's cookie lend nothing: without a key a post is a 403, not a report and not a CSRF page", async () => {
      const before = await countReports();
      const res = await admin.request(`${BASE}/requests.json`, {
        method: "POST",
        body: new URLSearchParams({ jurisdiction_id: GIA_PHU, service_code: "road", description: "Ổ gà", address_string: "Cầu" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(res.status).toBe(403);
      expect((await errorsOf(res))[0]!.description).toContain("api_key");
      expect(await countReports()).toBe(before);
    });

    it("throttles a flood from one address with a 429 in Open311's format", async () => {
      const flooder = fromAddress(x.app, "203.0.113.9");
      const fields = { jurisdiction_id: GIA_PHU, api_key: apiKey, service_code: "road", description: "Ổ gà", address_string: "Cầu" };
      let last: Response | null = null;
      for (let i = 0; i <= OPEN311_POST_LIMITS.perAddress; i++) last = await post(fields, "json", flooder);
      expect(last!.status).toBe(429);
      expect(last!.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await errorsOf(last!))[0]!.code).toBe(429);
    });
  });

  describe("who sees which request", () => {
    it("lists public requests with the spec's filters; a client also sees the unpublished ones it posted", async () => {
      const now = x.clock.now();
      const old = await buildReport(x.deps, { categoryId: road, createdAt: new Date(now.getTime() - 100 * 86_400_000) });
      const open = await buildReport(x.deps, { categoryId: road, status: "in_progress", createdAt: now });
      const done = await buildReport(x.deps, { categoryId: road, status: "resolved", createdAt: now });
      const mod = await buildReport(x.deps, { categoryId: road, createdAt: now });
      await x.db.query("UPDATE reports SET hidden_at = now(), hidden_reason = 'faces' WHERE id = $1", [mod.id]);
      const unpublished = await buildReport(x.deps, { categoryId: hidden, public: false, createdAt: now });
      const posted = await post({ jurisdiction_id: GIA_PHU, api_key: apiKey, service_code: "private", description: "Riêng", address_string: "Nhà" });
      const [mine] = (await posted.json()) as { service_request_id: string }[];
      const other = await buildReport(x.deps, {
        categoryId: (await buildReportCategory(x.deps, { communeCode: BAO_THANG })).id,
        communeCode: BAO_THANG,
        createdAt: now,
      });

      const ids = async (query: string) =>
        ((await (await get(`requests.json?jurisdiction_id=${GIA_PHU}${query}`)).json()) as { service_request_id: string }[]).map((r) => r.service_request_id);
      const all = await ids("");
      expect(all).toEqual(expect.arrayContaining([open.code, done.code]));
      for (const code of [old.code, mod.code, unpublished.code, mine!.service_request_id, other.code]) expect(all).not.toContain(code);
      expect(await ids("&status=closed")).toContain(done.code);
      expect(await ids("&status=closed")).not.toContain(open.code);
      expect(await ids("&status=open,closed")).toEqual(expect.arrayContaining([open.code, done.code]));
      expect(await ids("&service_code=light")).toEqual([]);
      const from = new Date(now.getTime() - 120 * 86_400_000).toISOString();
      const to = new Date(now.getTime() - 50 * 86_400_000).toISOString();
      expect(await ids(`&start_date=${encodeURIComponent(from)}&end_date=${encodeURIComponent(to)}`)).toEqual([old.code]);
      expect(await ids(`&service_request_id=${open.code},${old.code},${unpublished.code}`)).toEqual(expect.arrayContaining([open.code, old.code]));
      expect(await ids(`&service_request_id=${unpublished.code}`)).toEqual([]);
      expect(await ids(`&api_key=${apiKey}`)).toContain(mine!.service_request_id);
      expect((await get(`requests/${mine!.service_request_id}.json?jurisdiction_id=${GIA_PHU}`)).status).toBe(404);
      expect((await get(`requests/${mine!.service_request_id}.json?jurisdiction_id=${GIA_PHU}&api_key=${apiKey}`)).status).toBe(200);
      expect((await get(`requests/${other.code}.json?jurisdiction_id=${GIA_PHU}`)).status).toBe(404);

      const [closed] = (await (await get(`requests/${done.code}.json?jurisdiction_id=${GIA_PHU}`, { "accept-language": "en" })).json()) as Record<
        string,
        string
      >[];
      expect(closed).toMatchObject({ status: "closed" });
      expect(closed!.status_notes).toContain("Answered");

      for (const [query, field] of [
        ["&start_date=yesterday", "start_date"],
        ["&status=pending", "status"],
        [`&start_date=${encodeURIComponent(from)}&end_date=${encodeURIComponent(now.toISOString())}`, "start_date"],
      ]) {
        const res = await get(`requests.json?jurisdiction_id=${GIA_PHU}${query}`);
        expect(res.status).toBe(400);
        expect((await errorsOf(res))[0]!.description).toContain(field);
      }
      const listXml = xml.parse(await (await get(`requests.xml?jurisdiction_id=${GIA_PHU}&service_request_id=${open.code}`)).text());
      expect(listXml.service_requests.request.service_request_id).toBe(open.code);
    });
  });

  describe("the clients API", () => {
    it("registers (the key once), lists (never the key) and revokes", async () => {
      const send = (path: string, body: unknown) =>
        admin.request(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", [CSRF_HEADER]: admin.csrfToken } });
      const created = await send("/api/v1/open311-clients", { name: "API client", unitCode: "15" });
      expect(created.status).toBe(404);
      const ok = await send("/api/v1/open311-clients", { name: "API client", unitCode: GIA_PHU });
      expect(ok.status).toBe(201);
      const { client, apiKey: key } = (await ok.json()) as { client: { id: string; keyHint: string }; apiKey: string };
      expect(key.endsWith(client.keyHint)).toBe(true);
      const listed = await (await admin.get("/api/v1/open311-clients")).text();
      expect(listed).toContain(client.id);
      expect(listed).not.toContain(key);
      const revoked = await send(`/api/v1/open311-clients/${client.id}/revoke`, {});
      expect(revoked.status).toBe(200);
      expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    });
  });

  describe("revoking", () => {
    it("is 404 to another commune's admin; the owner's revocation stops the key at once (audited)", async () => {
      expect((await stranger.post(`/office/open311-clients/${clientId}/revoke`, {})).status).toBe(404);
      const res = await admin.post(`/office/open311-clients/${clientId}/revoke`, {});
      expect(res.status).toBe(303);
      const refused = await post({ jurisdiction_id: GIA_PHU, api_key: apiKey, service_code: "road", description: "Ổ gà", address_string: "Cầu" });
      expect(refused.status).toBe(403);
      const audit = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'open311Client.revoked' AND target_id = $1", [clientId]);
      expect(audit.rowCount).toBe(1);
    });
  });
});
