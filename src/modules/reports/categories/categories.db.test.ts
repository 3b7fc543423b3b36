// Report categories: the province's built-in list, a commune's overrides, validation naming the fields, and who may
// edit what (404 outside the grants, 403 without the permission), through the use cases, the API and the pages.
import { beforeAll, describe, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, LAO_CAI, PASSWORD, THAI_NGUYEN } from "../../../../test/support/factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { activeCategories, ensureDefaultCategories } from "../index.ts";
import { DEFAULT_CATEGORIES } from "./default-categories.ts";

type Problem = { status: number; errors?: { field: string; message: string }[] };

describeDb("report categories", () => {
  const app = useTestApp();
  let x: TestApp;
  let communeAdmin: TestClient;
  let provinceAdmin: TestClient;
  let specialist: TestClient;
  let stranger: TestClient;
  let specialistId: string;

  const send = (client: TestClient, method: string, path: string, body: unknown) =>
    client.request(path, { ...json(body), method, headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken } });
  const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];
  const signedIn = async (roles: [Role, string][]) => {
    const u = await buildUser(x.deps, { roles });
    const client = new TestClient(x.app);
    await client.signIn(u.username, PASSWORD);
    return { client, id: u.id };
  };

  beforeAll(async () => {
    x = app();
    communeAdmin = (await signedIn([["commune_admin", GIA_PHU]])).client;
    provinceAdmin = (await signedIn([["province_admin", LAO_CAI]])).client;
    const s = await signedIn([["specialist", GIA_PHU]]);
    specialist = s.client;
    specialistId = s.id;
    stranger = (await signedIn([["commune_admin", BAO_THANG]])).client;
  });

  describe("the built-in list and the effective list", () => {
    it("gives a province the built-in list once, and every commune of it sees the list in order", async () => {
      const first = await ensureDefaultCategories(x.deps, LAO_CAI);
      const again = await ensureDefaultCategories(x.deps, LAO_CAI);
      expect(first.added).toBe(DEFAULT_CATEGORIES.length);
      expect(again.added).toBe(0);
      const list = await activeCategories(x.deps, BAO_THANG);
      expect(list.map((c) => c.code)).toEqual([...DEFAULT_CATEGORIES].sort((a, b) => a.sortOrder - b.sortOrder).map((c) => c.code));
      const road = list.find((c) => c.code === "road")!;
      expect(road.communeCode).toBeNull();
      expect(road.keywords).toContain("ổ gà");
      expect(road.attributes[0]?.code).toBe("severity");
      // Another province has nothing until its own list is made.
      const tn = await x.db.query<{ code: string }>("SELECT code FROM admin_units WHERE code LIKE '_____' AND path LIKE $1 LIMIT 1", [`/${THAI_NGUYEN}/%`]);
      if (tn.rows[0]) expect(await activeCategories(x.deps, tn.rows[0].code)).toEqual([]);
    });

    it("a commune's row replaces the province default of the same code for that commune only, and can switch it off", async () => {
      await ensureDefaultCategories(x.deps, LAO_CAI);
      const res = await send(communeAdmin, "POST", "/api/v1/report-categories", {
        communeCode: GIA_PHU,
        code: "drainage",
        nameVi: "Tắc cống (xã)",
        nameEn: "Blocked drain (commune)",
        timeLimitDays: 2,
        responsibleUserId: specialistId,
      });
      expect(res.status).toBe(201);
      const own = (await res.json()) as { id: string; communeCode: string; timeLimitDays: number };
      expect(own.communeCode).toBe(GIA_PHU);
      const gp = await activeCategories(x.deps, GIA_PHU);
      const drain = gp.filter((c) => c.code === "drainage");
      expect(drain).toHaveLength(1);
      expect(drain[0]).toMatchObject({ id: own.id, timeLimitDays: 2, responsibleUserId: specialistId, nameVi: "Tắc cống (xã)" });
      const bt = (await activeCategories(x.deps, BAO_THANG)).find((c) => c.code === "drainage")!;
      expect(bt.communeCode).toBeNull();
      expect(bt.timeLimitDays).toBe(DEFAULT_CATEGORIES.find((c) => c.code === "drainage")!.timeLimitDays);

      // Saving the same code again updates the row; inactive hides the category in the commune.
      const off = await send(communeAdmin, "POST", "/api/v1/report-categories", {
        communeCode: GIA_PHU,
        code: "drainage",
        nameVi: "Tắc cống (xã)",
        nameEn: "Blocked drain (commune)",
        timeLimitDays: 2,
        active: false,
      });
      expect(off.status).toBe(200);
      expect((await activeCategories(x.deps, GIA_PHU)).some((c) => c.code === "drainage")).toBe(false);
      const all = await communeAdmin.get(`/api/v1/report-categories?commune=${GIA_PHU}&all=1`);
      expect(all.status).toBe(200);
      const items = ((await all.json()) as { items: { code: string; active: boolean }[] }).items;
      expect(items.find((c) => c.code === "drainage")?.active).toBe(false);
    });

    it("the public list of a commune needs no account and shows active rows only", async () => {
      await ensureDefaultCategories(x.deps, LAO_CAI);
      const anon = new TestClient(x.app);
      const res = await anon.get(`/api/v1/report-categories?commune=${BAO_THANG}`);
      expect(res.status).toBe(200);
      const items = ((await res.json()) as { items: { code: string }[] }).items;
      expect(items.map((c) => c.code)).toEqual((await activeCategories(x.deps, BAO_THANG)).map((c) => c.code));
      expect((await anon.get("/api/v1/report-categories?commune=99999")).status).toBe(400);
      expect((await anon.get(`/api/v1/report-categories?commune=${GIA_PHU}&all=1`)).status).toBe(401);
    });
  });

  describe("validation and access", () => {
    it("refuses bad input with 400 naming each field", async () => {
      const base = { communeCode: GIA_PHU, code: "pothole", nameVi: "Ổ gà", nameEn: "Pothole", timeLimitDays: 5 };
      const tooLong = await send(communeAdmin, "POST", "/api/v1/report-categories", { ...base, timeLimitDays: 61 });
      expect(tooLong.status).toBe(400);
      expect(await fieldsOf(tooLong)).toContain("timeLimitDays");
      const zero = await send(communeAdmin, "POST", "/api/v1/report-categories", { ...base, timeLimitDays: 0 });
      expect(await fieldsOf(zero)).toContain("timeLimitDays");
      const badCode = await send(communeAdmin, "POST", "/api/v1/report-categories", { ...base, code: "Ổ Gà", nameVi: "" });
      expect(badCode.status).toBe(400);
      expect(await fieldsOf(badCode)).toEqual(expect.arrayContaining(["code", "nameVi"]));
      const list = await send(communeAdmin, "POST", "/api/v1/report-categories", {
        ...base,
        attributes: [{ code: "kind", datatype: "singlevaluelist", description_vi: "Loại", order: 1 }],
      });
      expect(list.status).toBe(400);
      expect(await fieldsOf(list)).toContain("attributes.0.values");
      const datatype = await send(communeAdmin, "POST", "/api/v1/report-categories", {
        ...base,
        attributes: [{ code: "kind", datatype: "colour", description_vi: "Loại", order: 1 }],
      });
      expect(await fieldsOf(datatype)).toContain("attributes.0.datatype");
      const officer = await send(communeAdmin, "POST", "/api/v1/report-categories", { ...base, responsibleUserId: "6f1c2e0a-0000-4000-8000-000000000000" });
      expect(officer.status).toBe(400);
      expect(await fieldsOf(officer)).toContain("responsibleUserId");
      const provinceOfficer = await send(provinceAdmin, "POST", "/api/v1/report-categories", {
        ...base,
        communeCode: undefined,
        provinceCode: LAO_CAI,
        responsibleUserId: specialistId,
      });
      expect(await fieldsOf(provinceOfficer)).toContain("responsibleUserId");
      const { rows } = await x.db.query("SELECT 1 FROM report_categories WHERE code = 'pothole'");
      expect(rows).toHaveLength(0);
    });

    it("a province admin edits the defaults; a commune admin may not (404), a specialist may not (403), another commune gets 404", async () => {
      const body = { provinceCode: LAO_CAI, code: "tree", nameVi: "Cây đổ", nameEn: "Fallen tree", timeLimitDays: 3, publicByDefault: true };
      expect((await send(provinceAdmin, "POST", "/api/v1/report-categories", body)).status).toBe(201);
      expect((await send(communeAdmin, "POST", "/api/v1/report-categories", body)).status).toBe(404);
      const mine = { communeCode: GIA_PHU, code: "tree", nameVi: "Cây đổ", nameEn: "Fallen tree", timeLimitDays: 1 };
      expect((await send(specialist, "POST", "/api/v1/report-categories", mine)).status).toBe(403);
      expect((await send(stranger, "POST", "/api/v1/report-categories", mine)).status).toBe(404);
      const created = await send(communeAdmin, "POST", "/api/v1/report-categories", mine);
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect((await send(stranger, "PUT", `/api/v1/report-categories/${id}`, { nameVi: "X", nameEn: "X", timeLimitDays: 4 })).status).toBe(404);
      const moved = await send(communeAdmin, "PUT", `/api/v1/report-categories/${id}`, { code: "other", nameVi: "X", nameEn: "X", timeLimitDays: 4 });
      expect(moved.status).toBe(400);
      expect(await fieldsOf(moved)).toContain("code");
      const ok = await send(communeAdmin, "PUT", `/api/v1/report-categories/${id}`, { nameVi: "Cây đổ chắn đường", nameEn: "Fallen tree", timeLimitDays: 4 });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { timeLimitDays: number; version: number }).timeLimitDays).toBe(4);
      const audit = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'reportCategory.saved' AND target_id = $1", [id]);
      expect(audit.rows.length).toBe(2);
    });
  });

  describe("pages", () => {
    it("lists the commune's categories with their source and saves an override from the form, with errors beside the fields", async () => {
      const list = await communeAdmin.get(`/office/reports/categories?unit=${GIA_PHU}`);
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain("Hư hỏng đường, cầu, cống");
      expect(html).toContain("Mặc định của tỉnh");
      const form = await communeAdmin.get(`/office/reports/categories/edit?unit=${GIA_PHU}&code=lighting`);
      expect(form.status).toBe(200);
      const bad = await communeAdmin.post(`/office/reports/categories/edit?unit=${GIA_PHU}&code=lighting`, {
        nameVi: "Chiếu sáng",
        nameEn: "Lighting",
        timeLimitDays: "90",
        "attributes.0.code": "pole",
        "attributes.0.datatype": "singlevaluelist",
        "attributes.0.description_vi": "Cột số mấy",
        "attributes.0.values": "a | Cột A | Pole A\nb",
      });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain("Giá trị 1");
      const ok = await communeAdmin.post(`/office/reports/categories/edit?unit=${GIA_PHU}&code=lighting`, {
        nameVi: "Chiếu sáng",
        nameEn: "Lighting",
        timeLimitDays: "4",
        publicByDefault: "true",
        active: "true",
        "attributes.0.code": "pole",
        "attributes.0.datatype": "singlevaluelist",
        "attributes.0.required": "true",
        "attributes.0.description_vi": "Cột số mấy",
        "attributes.0.values": "a | Cột A | Pole A\nb | Cột B",
      });
      expect(ok.status).toBe(303);
      const lighting = (await activeCategories(x.deps, GIA_PHU)).find((c) => c.code === "lighting")!;
      expect(lighting.communeCode).toBe(GIA_PHU);
      expect(lighting.attributes).toEqual([
        {
          code: "pole",
          datatype: "singlevaluelist",
          required: true,
          description_vi: "Cột số mấy",
          description_en: "",
          order: 1,
          values: [
            { key: "a", name: "Cột A", name_en: "Pole A" },
            { key: "b", name: "Cột B", name_en: "" },
          ],
        },
      ]);
      expect((await stranger.get(`/office/reports/categories?unit=${GIA_PHU}`)).status).toBe(404);
      expect((await specialist.get(`/office/reports/categories?unit=${GIA_PHU}`)).status).toBe(403);
    });
  });
});
