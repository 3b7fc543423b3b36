// The dashboards on known facts: communes ranked by the chosen indicator with colours in words, "no source yet" and
// "no data" shown as such (never 0), the drill-down to a commune, an indicator and the records behind a number (with
// the access rules, the audit of personal data and keyset paging), the public page's public indicators only, the
// IOC's API, and bad queries answered 400 naming the field.
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { act, buildDossier, deskTeam } from "../../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildFacts, buildIndicatorSet } from "../../../../test/support/indicator-factories.ts";
import { buildHousehold } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { buildVillage } from "../../../../test/support/factories.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import { rankRows } from "./use-cases/dashboard-unit.ts";

const SET = {
  key: "test-dash",
  name: "Bộ thử bảng",
  nameEn: "Dashboard test set",
  indicators: [
    {
      key: "online",
      name: "Tỉ lệ trực tuyến",
      nameEn: "Online share",
      unit: "percent",
      numerator: "dossier_received_online",
      denominator: "dossier_received",
      thresholds: { good: 50, warn: 30 },
      records: "dossier_received_online",
      public: true,
    },
    {
      key: "proficient",
      name: "Hộ thành thạo",
      nameEn: "Proficient households",
      unit: "percent",
      numerator: "household_proficient",
      denominator: "household_count",
      records: "household_proficient",
    },
    { key: "ocop", name: "Sản phẩm OCOP truy xuất", nameEn: "OCOP traceable", unit: "count", numerator: "ocop_product_traceable", public: true },
  ],
};
const Q = "set=test-dash&period=2026-11";
const pos = (html: string, s: string) => {
  const i = html.indexOf(s);
  expect(i, `${s} in the page`).toBeGreaterThan(-1);
  return i;
};

describeDb("indicator dashboards", () => {
  const app = useTestApp();
  let x: TestApp;
  let province: TestClient;
  let commune: TestClient;
  let other: TestClient;
  let provinceUserId: string;
  let village: string;

  beforeAll(async () => {
    x = app();
    await buildIndicatorSet(x.deps, SET);
    await buildFacts(x.deps, GIA_PHU, "2026-11-05", { dossier_received: 10, dossier_received_online: 9 });
    await buildFacts(x.deps, BAO_THANG, "2026-11-06", { dossier_received: 10, dossier_received_online: 4 });
    village = (await buildVillage(x.deps, GIA_PHU)).code;
    await buildFacts(x.deps, village, "2026-11-10", { household_count: 20, household_proficient: 5 });
    const boss = await buildUser(x.deps, { roles: [["province_admin", "15"]], username: "dashprov" });
    provinceUserId = boss.id;
    await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]], username: "dashgp" });
    await buildUser(x.deps, { roles: [["commune_admin", BAO_THANG]], username: "dashbt" });
    province = new TestClient(x.app);
    await province.signIn("dashprov", PASSWORD);
    commune = new TestClient(x.app);
    await commune.signIn("dashgp", PASSWORD);
    other = new TestClient(x.app);
    await other.signIn("dashbt", PASSWORD);
  });

  it("sends an officer to the dashboard of their own unit", async () => {
    const res = await commune.get(indicatorPaths.office);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(indicatorPaths.unit(GIA_PHU));
  });

  it("ranks the province's communes by the chosen indicator, colours in words, no source and no data never as 0", async () => {
    const res = await province.get(`${indicatorPaths.unit("15")}?${Q}&sort=online`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const table = html.slice(pos(html, 'id="ind-ranking"'));
    // Gia Phú (90 %) before Bảo Thắng (40 %); communes without a single dossier after both.
    const gp = pos(table, `href="${indicatorPaths.unit(GIA_PHU)}`);
    const bt = pos(table, `href="${indicatorPaths.unit(BAO_THANG)}`);
    expect(gp).toBeLessThan(bt);
    expect(table).toContain("90 %");
    expect(table).toContain("ind-colour--good");
    expect(table).toContain("Đạt");
    expect(table).toContain("ind-colour--warn");
    expect(table).toContain("Cần cố gắng");
    expect(table).toContain("Chưa có nguồn dữ liệu");
    expect(table).toContain("Chưa có số liệu");
    // The chart is SVG with its title and description, followed by its table.
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<title id="ind-rank-chart-title">');
    // The province's own share is recomputed from the sums: 13 of 20.
    const own = html.slice(pos(html, 'id="ind-own"'), pos(html, 'id="ind-ranking"'));
    expect(own).toContain("65 %");
    expect(html).toContain(indicatorPaths.exportFile("15", "xlsx"));
  });

  it("orders rows with a value before rows without, ties by name", () => {
    const row = (name: string, value: number | null) =>
      ({ unit: { code: name, name }, index: value, indexMax: null, indicators: [], elements: {} }) as unknown as Parameters<typeof rankRows>[0][number];
    expect(rankRows([row("B", null), row("C", 3), row("A", null), row("D", 7)], null).map((r) => r.unit.name)).toEqual(["D", "C", "A", "B"]);
  });

  it("shows a commune its indicators and its villages, and a village its own", async () => {
    const res = await commune.get(`${indicatorPaths.unit(GIA_PHU)}?${Q}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="${indicatorPaths.unit(village)}`);
    expect(html).toContain("25 %");
    const v = await commune.get(`${indicatorPaths.unit(village)}?${Q}`);
    expect(v.status).toBe(200);
    const vh = await v.text();
    // Dossiers are counted per commune: the village says so instead of a number.
    expect(vh).toContain("Không tính theo thôn");
  });

  it("drills into one indicator over time and across the communes", async () => {
    const res = await province.get(`${indicatorPaths.indicator("15", "test-dash", "online")}?period=2026-11`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="ind-trend-table"');
    expect(html).toContain(`${indicatorPaths.records("15", "dossier_received_online")}?period=2026-11`);
    expect(pos(html, `${indicatorPaths.indicator(GIA_PHU, "test-dash", "online")}`)).toBeLessThan(
      pos(html, `${indicatorPaths.indicator(BAO_THANG, "test-dash", "online")}`),
    );
  });

  it("keeps another commune's dashboard from an officer: 404", async () => {
    expect((await other.get(`${indicatorPaths.unit(GIA_PHU)}?${Q}`)).status).toBe(404);
    expect((await other.get(`${indicatorPaths.records(GIA_PHU, "household_proficient")}`)).status).toBe(404);
    expect((await other.get(`/api/v1/indicators/values?unit=${GIA_PHU}`)).status).toBe(404);
  });

  it("answers a bad query with 400 naming the field", async () => {
    const field = async (path: string) => {
      const res = await province.get(path, { accept: "application/json" });
      expect(res.status, path).toBe(400);
      return JSON.stringify(await res.json());
    };
    expect(await field(`/api/v1/indicators/values?unit=15&period=2030-01`)).toContain('"field":"period"');
    expect(await field(`/api/v1/indicators/values?unit=15&period=soon`)).toContain('"field":"period"');
    expect(await field(`/api/v1/indicators/values?unit=15&set=nope`)).toContain('"field":"set"');
    expect(await field(`/api/v1/indicators/values?unit=15&by=everyone`)).toContain('"field":"by"');
    expect(await field(`/api/v1/indicators/trend?unit=15&set=test-dash&indicator=nope`)).toContain('"field":"indicator"');
    expect(await field(`/api/v1/indicators/trend?unit=15&set=test-dash&indicator=online&n=99`)).toContain('"field":"n"');
    const page = await province.get(`${indicatorPaths.unit("15")}?period=2030-Q1`);
    expect(page.status).toBe(400);
    expect((await province.get(`${indicatorPaths.unit("15")}?set=test-dash&sort=nope`)).status).toBe(400);
  });

  it("gives the IOC the set's values and an indicator's trend as JSON", async () => {
    const res = await province.get(`/api/v1/indicators/values?unit=15&set=test-dash&period=2026-11&by=children`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      set: { key: string; version: number };
      rows: { unit: { code: string }; indicators: { key: string; value: number | null; status: string }[] }[];
    };
    expect(body.set.key).toBe("test-dash");
    const gp = body.rows.find((r) => r.unit.code === GIA_PHU);
    expect(gp?.indicators.find((i) => i.key === "online")).toMatchObject({ value: 90, status: "ok" });
    expect(gp?.indicators.find((i) => i.key === "ocop")).toMatchObject({ value: null, status: "noSource" });
    const trend = await province.get(`/api/v1/indicators/trend?unit=15&set=test-dash&indicator=online&period=2026-11&n=3`);
    expect(trend.status).toBe(200);
    const t = (await trend.json()) as { points: { period: { code: string }; value: { value: number | null; status: string } }[] };
    expect(t.points.map((p) => p.period.code)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(t.points[2]?.value).toMatchObject({ value: 65, status: "ok" });
    expect(t.points[0]?.value).toMatchObject({ value: null, status: "noData" });
  });

  it("shows the public only the public indicators, without sign-in, cacheable", async () => {
    const res = await x.app.request(`${indicatorPaths.publicUnit(GIA_PHU)}?period=2026-11`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    const html = await res.text();
    expect(html).toContain("Tỉ lệ trực tuyến");
    expect(html).toContain("Sản phẩm OCOP truy xuất");
    expect(html).not.toContain("Hộ thành thạo");
    expect(html).toContain("90 %");
    expect((await x.app.request(indicatorPaths.publicUnit(village))).status).toBe(404);
    const index = await x.app.request(`${indicatorPaths.publicIndex}?commune=${GIA_PHU}`);
    expect(index.status).toBe(303);
  });

  describe("the records behind a number", () => {
    let households: string[];
    beforeAll(async () => {
      households = [];
      for (let i = 0; i < 53; i++) households.push((await buildHousehold(x.deps, { villageCode: village, address: `Số ${i + 1} đường thử` })).id);
      await x.db.query("SELECT coverage_refresh_households($1::uuid[])", [households]);
    });

    it("lists the households without a proficient member, 50 a page, and logs the read", async () => {
      const before = await x.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'personalData.read' AND target_type = 'indicatorHouseholds' AND actor_id = $1",
        [provinceUserId],
      );
      const res = await province.get(`${indicatorPaths.records(GIA_PHU, "household_proficient")}?period=2026-11`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const links = html.match(/href="\/office\/registry\/households\/[0-9a-f-]{36}"/g) ?? [];
      expect(links.length).toBe(50);
      const next = /href="([^"]*cursor=[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
      expect(next).toBeTruthy();
      const page2 = await (await province.get(next as string)).text();
      expect((page2.match(/href="\/office\/registry\/households\/[0-9a-f-]{36}"/g) ?? []).length).toBe(3);
      const after = await x.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'personalData.read' AND target_type = 'indicatorHouseholds' AND actor_id = $1",
        [provinceUserId],
      );
      expect(after.rows[0]!.n - before.rows[0]!.n).toBe(2);
      expect((await province.get(`${indicatorPaths.records(GIA_PHU, "household_proficient")}?cursor=garbage`)).status).toBe(400);
    });

    it("lists the dossiers received in the period with links to their office page", async () => {
      const team = await deskTeam(x.deps);
      const d1 = await buildDossier(x.deps, team.citizen);
      const d2 = await buildDossier(x.deps, team.citizen);
      await act(x.deps, team.desk, d1.id, "receive");
      await act(x.deps, team.desk, d2.id, "receive");
      const res = await commune.get(`${indicatorPaths.records(GIA_PHU, "dossier_received_online")}?period=2026-Q4`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`/office/dossiers/${d1.id}`);
      expect(html).toContain(`/office/dossiers/${d2.id}`);
      expect((await commune.get(`${indicatorPaths.records(GIA_PHU, "dossier_received_online")}?period=2026-10`)).status).toBe(200);
      expect(await (await commune.get(`${indicatorPaths.records(GIA_PHU, "dossier_received_online")}?period=2026-10`)).text()).not.toContain(d1.id);
      expect((await commune.get(`${indicatorPaths.records(GIA_PHU, "no_such_element")}`)).status).toBe(404);
    });
  });
});
