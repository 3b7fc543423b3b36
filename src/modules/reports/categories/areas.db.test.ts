// A province's report area: set and cleared by its category admins (403 for a commune's admin of the province, 404
// for another province's), bad numbers refused naming each field, and reports (API, form, Open311) placed outside it
// refused naming lat/lon in vi and en, nothing written; without an area, Vietnam's extent as before.
import { beforeAll, describe, expect, it } from "vitest";
import { acting } from "../../../../test/support/dossier-factories.ts";
import { json, TestClient } from "../../../../test/support/client.ts";
import { buildUser, GIA_PHU, LAO_CAI, PASSWORD, THAI_NGUYEN } from "../../../../test/support/factories.ts";
import { buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { registerOpen311Client } from "../use-cases/open311-clients-register.ts";

type Problem = { status: number; errors?: { field: string; message: string }[] };

const AREA = { minLat: 21.3, maxLat: 22.9, minLon: 103.5, maxLon: 105.2 };
const INSIDE = { lat: 22.39, lon: 104.05 }; // Gia Phú, Lào Cai
const HA_NOI = { lat: 21.03, lon: 105.85 }; // in Vietnam, outside Lào Cai's rectangle (east and south)

describeDb("report areas: the province's rectangle for the place check", () => {
  const app = useTestApp();
  let x: TestApp;
  let provinceAdmin: TestClient;
  let communeAdmin: TestClient;
  let otherProvinceAdmin: TestClient;
  let apiKey: string;

  const send = (client: TestClient, method: string, path: string, body?: unknown) =>
    client.request(path, {
      ...(body === undefined ? {} : json(body)),
      method,
      headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken },
    });
  const problem = async (res: Response) => (await res.json()) as Problem;
  const signedIn = async (roles: [Role, string][], headers: Record<string, string> = {}) => {
    const u = await buildUser(x.deps, { roles });
    const client = new TestClient(x.app, headers);
    await client.signIn(u.username, PASSWORD);
    return client;
  };
  const countReports = async () => Number((await x.db.query<{ n: string }>("SELECT count(*) AS n FROM reports")).rows[0]!.n);
  const submit = (where: { lat: number; lon: number }, lang = "vi") =>
    new TestClient(x.app, { "accept-language": lang }).request(
      "/api/v1/reports",
      json({ communeCode: GIA_PHU, categoryCode: "drain", description: "Cống tắc", anonymous: true, ...where }),
    );
  const areaRow = async () => (await x.db.query("SELECT min_lat, max_lat, min_lon, max_lon FROM report_areas WHERE province_code = $1", [LAO_CAI])).rows[0];

  beforeAll(async () => {
    x = app();
    await buildReportCategory(x.deps, { code: "drain" });
    provinceAdmin = await signedIn([["province_admin", LAO_CAI]]);
    communeAdmin = await signedIn([["commune_admin", GIA_PHU]]);
    otherProvinceAdmin = await signedIn([["province_admin", THAI_NGUYEN]]);
    const admin = await acting(x.deps, await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] }));
    apiKey = (await registerOpen311Client(x.deps, admin, { name: "Adapter", contact: "", unitCode: GIA_PHU })).apiKey;
  });

  describe("without an area", () => {
    it("checks Vietnam's extent only: Hà Nội passes for a Lào Cai commune, Bangkok does not", async () => {
      expect(await areaRow()).toBeUndefined();
      expect((await submit(HA_NOI)).status).toBe(201);
      const bangkok = await submit({ lat: 13.75, lon: 100.5 });
      expect(bangkok.status).toBe(400);
      expect((await problem(bangkok)).errors).toEqual([expect.objectContaining({ field: "lat", message: expect.stringContaining("ngoài lãnh thổ Việt Nam") })]);
    });
  });

  describe("who sets it, and bad numbers", () => {
    it("the province's admin sets it; a commune's admin of the province gets 403, another province's admin 404", async () => {
      const path = `/api/v1/report-areas/${LAO_CAI}`;
      expect((await send(communeAdmin, "PUT", path, AREA)).status).toBe(403);
      expect((await send(otherProvinceAdmin, "PUT", path, AREA)).status).toBe(404);
      expect((await otherProvinceAdmin.get(path)).status).toBe(404);
      expect((await send(otherProvinceAdmin, "DELETE", path)).status).toBe(404);
      expect((await new TestClient(x.app).get(path)).status).toBe(401);
      expect(await areaRow()).toBeUndefined();

      const res = await send(provinceAdmin, "PUT", path, AREA);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ provinceCode: LAO_CAI, area: AREA });
      expect(await areaRow()).toEqual({ min_lat: 21.3, max_lat: 22.9, min_lon: 103.5, max_lon: 105.2 });
      const read = await provinceAdmin.get(path);
      expect(((await read.json()) as { area: unknown }).area).toEqual(AREA);
      const audit = await x.db.query("SELECT details FROM audit_log WHERE action = 'reportArea.saved' AND target_id = $1", [LAO_CAI]);
      expect(audit.rows).toHaveLength(1);
      expect((await send(provinceAdmin, "GET", `/api/v1/report-areas/${GIA_PHU}`)).status).toBe(404); // a commune is not a province
    });

    it("refuses bad numbers with 400 naming each field, and keeps the area as it was", async () => {
      const path = `/api/v1/report-areas/${LAO_CAI}`;
      const cases: [unknown, string[]][] = [
        [{ minLat: 21.3, maxLat: 22.9, minLon: 103.5 }, ["maxLon"]],
        [{ ...AREA, minLat: 95, minLon: -181 }, ["minLat", "minLon"]],
        [{ ...AREA, maxLat: 21.3, maxLon: 100 }, ["maxLat", "maxLon"]],
        [{ minLat: 40, maxLat: 50, minLon: 10, maxLon: 20 }, ["minLat", "minLon"]],
        [{ ...AREA, minLat: "21,3" }, ["minLat"]], // a string in JSON: the contract's type check
      ];
      for (const [body, fields] of cases) {
        const res = await send(provinceAdmin, "PUT", path, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect((await problem(res)).errors?.map((e) => e.field).sort()).toEqual(expect.arrayContaining(fields.sort()));
      }
      expect(await areaRow()).toEqual({ min_lat: 21.3, max_lat: 22.9, min_lon: 103.5, max_lon: 105.2 });
    });
  });

  describe("reports placed against it", () => {
    it("takes a place inside; refuses one outside naming lat and lon, in vi and en, writing nothing", async () => {
      expect((await submit(INSIDE)).status).toBe(201);
      const before = await countReports();
      const vi = await submit(HA_NOI);
      expect(vi.status).toBe(400);
      const viErrors = (await problem(vi)).errors ?? [];
      expect(viErrors.map((e) => e.field)).toEqual(["lat", "lon"]);
      expect(viErrors[0]!.message).toContain("ngoài phạm vi tỉnh");
      expect(viErrors[0]!.message).toContain("Lào Cai");
      const en = await submit({ lat: 22.39, lon: 105.85 }, "en");
      expect(en.status).toBe(400);
      const enErrors = (await problem(en)).errors ?? [];
      expect(enErrors.map((e) => e.field)).toEqual(["lon"]);
      expect(enErrors[0]!.message).toContain("outside the commune's province");
      expect(await countReports()).toBe(before);
    });

    it("refuses an Open311 post outside in Open311's error format naming lat/long", async () => {
      const before = await countReports();
      const res = await x.app.request("/open311/v2/requests.json", {
        method: "POST",
        body: new URLSearchParams({
          jurisdiction_id: GIA_PHU,
          api_key: apiKey,
          service_code: "drain",
          description: "Cống tắc",
          lat: "21.03",
          long: "103.6",
        }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      });
      expect(res.status).toBe(400);
      const errors = (await res.json()) as { code: number; description: string }[];
      // 21.03 is south of the rectangle, 103.6 inside it: only lat is named.
      expect(errors).toEqual([{ code: 400, description: expect.stringMatching(/^Trường “lat”: .*ngoài phạm vi tỉnh/) }]);
      expect(await countReports()).toBe(before);
      const inside = await x.app.request("/open311/v2/requests.json", {
        method: "POST",
        body: new URLSearchParams({
          jurisdiction_id: GIA_PHU,
          api_key: apiKey,
          service_code: "drain",
          description: "Cống tắc",
          lat: "22.39",
          long: "104.05",
        }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      });
      expect(inside.status).toBe(200);
    });

    it("applies the national check again once the area is cleared", async () => {
      expect((await send(communeAdmin, "DELETE", `/api/v1/report-areas/${LAO_CAI}`)).status).toBe(403);
      expect((await send(provinceAdmin, "DELETE", `/api/v1/report-areas/${LAO_CAI}`)).status).toBe(204);
      expect(await areaRow()).toBeUndefined();
      expect((await submit(HA_NOI)).status).toBe(201);
    });
  });

  describe("the categories page", () => {
    it("the province's admin sets and clears it from the form, with errors beside the fields; a commune's admin sees it only", async () => {
      const page = await provinceAdmin.get(`/office/reports/categories?unit=${LAO_CAI}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Phạm vi đặt vị trí phản ánh");
      expect(html).toContain(`action="/office/reports/categories/area?unit=${LAO_CAI}"`);

      const bad = await provinceAdmin.post(`/office/reports/categories/area?unit=${LAO_CAI}`, { minLat: "22,9", maxLat: "21,3", minLon: "abc", maxLon: "" });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      for (const label of ["Vĩ độ lớn nhất (cực bắc)", "Kinh độ nhỏ nhất (cực tây)", "Kinh độ lớn nhất (cực đông)"]) expect(badHtml).toContain(label);
      expect(badHtml).toContain("phải lớn hơn vĩ độ nhỏ nhất");
      expect(badHtml).toContain("phải là số độ thập phân");
      expect(await areaRow()).toBeUndefined();

      const ok = await provinceAdmin.post(`/office/reports/categories/area?unit=${LAO_CAI}`, {
        action: "save",
        minLat: "21,3000",
        maxLat: "22.9",
        minLon: "103,5",
        maxLon: "105,2",
      });
      expect(ok.status).toBe(303);
      expect(await areaRow()).toEqual({ min_lat: 21.3, max_lat: 22.9, min_lon: 103.5, max_lon: 105.2 });

      const communeView = await communeAdmin.get(`/office/reports/categories?unit=${GIA_PHU}`);
      const communeHtml = await communeView.text();
      expect(communeHtml).toContain("Phạm vi do tỉnh đặt.");
      expect(communeHtml).not.toContain("/office/reports/categories/area");
      expect((await communeAdmin.post(`/office/reports/categories/area?unit=${LAO_CAI}`, { action: "clear" })).status).toBe(403);
      expect((await otherProvinceAdmin.post(`/office/reports/categories/area?unit=${LAO_CAI}`, { action: "clear" })).status).toBe(404);

      const cleared = await provinceAdmin.post(`/office/reports/categories/area?unit=${LAO_CAI}`, { action: "clear" });
      expect(cleared.status).toBe(303);
      expect(await areaRow()).toBeUndefined();
    });
  });
});
