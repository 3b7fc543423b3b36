// One category rule for every face: a commune nobody configured offers its province's defaults (given at start-up),
// and the report form, the similar-reports check, submission and Open311's service list all read the same effective
// list (activeCategoriesIn): a commune's switched-off override hides the default everywhere and is refused at
// submission with a 400 naming categoryCode, nothing written.
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, GIA_PHU, LAO_CAI } from "../../../../test/support/factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { DEFAULT_CATEGORIES } from "../categories/default-categories.ts";
import { activeCategories, ensureServedProvinceCategories } from "../index.ts";

type Problem = { status: number; errors?: { field: string }[] };

describeDb("reports: one category rule", () => {
  const app = useTestApp();
  let x: TestApp;
  const road = DEFAULT_CATEGORIES.find((c) => c.code === "road")!;

  const servicesOf = async (commune: string) => {
    const res = await new TestClient(x.app).request(`/open311/v2/services.json?jurisdiction_id=${commune}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { service_code: string }[]).map((s) => s.service_code).sort();
  };
  const reportCount = async () => Number((await x.db.query<{ n: string }>("SELECT count(*) AS n FROM reports")).rows[0]!.n);

  beforeAll(async () => {
    x = app();
  });

  it("gives every served province its defaults at start-up, once: a fresh commune's form offers them", async () => {
    expect(await activeCategories(x.deps, BAO_THANG)).toEqual([]);
    const first = await ensureServedProvinceCategories(x.deps);
    expect(first.added).toBe(DEFAULT_CATEGORIES.length * x.deps.config.servedProvinces.length);
    expect((await ensureServedProvinceCategories(x.deps)).added).toBe(0);
    const page = await new TestClient(x.app).request(`/reports/${BAO_THANG}/new`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const d of DEFAULT_CATEGORIES) expect(html).toContain(`<option value="${d.code}"`);
    expect(await servicesOf(BAO_THANG)).toEqual(DEFAULT_CATEGORIES.map((d) => d.code).sort());
  });

  it("a commune's switched-off override hides the default on the form, in Open311 and at submission", async () => {
    await ensureServedProvinceCategories(x.deps);
    await x.db.query(
      `INSERT INTO report_categories (province_code, commune_code, code, name_vi, name_en, responsible_unit, time_limit_days, active)
       VALUES ($1, $2, $3, 'Đường (tắt)', 'Roads (off)', 'UBND xã', 5, false)`,
      [LAO_CAI, BAO_THANG, road.code],
    );
    const codes = (await activeCategories(x.deps, BAO_THANG)).map((c) => c.code);
    expect(codes).not.toContain(road.code);
    expect(codes).toHaveLength(DEFAULT_CATEGORIES.length - 1);
    expect(await servicesOf(BAO_THANG)).toEqual(codes.sort());
    const client = new TestClient(x.app);
    expect(await (await client.request(`/reports/${BAO_THANG}/new`)).text()).not.toContain(`<option value="${road.code}"`);
    const similar = await client.request(`/api/v1/reports/similar?communeCode=${BAO_THANG}&categoryCode=${road.code}`);
    expect(similar.status).toBe(400);
    const before = await reportCount();
    const res = await client.request("/api/v1/reports", json({ communeCode: BAO_THANG, categoryCode: road.code, description: "Ổ gà", anonymous: true }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.map((e) => e.field)).toEqual(["categoryCode"]);
    expect(await reportCount()).toBe(before);
    // Another commune of the province keeps the default.
    const other = await new TestClient(x.app).request(
      "/api/v1/reports",
      json({ communeCode: GIA_PHU, categoryCode: road.code, description: "Ổ gà", anonymous: true }),
    );
    expect(other.status).toBe(201);
  });
});
