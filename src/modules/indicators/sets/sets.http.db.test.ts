// Sets as data through their faces: the API and the office pages — export and import round trips, versions (a new
// one each save, the older retired), malformed imports refused naming the field with nothing saved, targets, and
// access (a commune officer cannot import; another province's set is not found).
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildIndicatorSet } from "../../../../test/support/indicator-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_FIELD } from "../../../platform/http/csrf.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import { shippedSets } from "../set-store.ts";
import { writeXlsxSetFile } from "./set-file.ts";
import { definitionOf } from "./use-cases/sets-read.ts";

type Problem = { status: number; errors?: { field: string; code: string; message: string }[] };
type SetFile = { version: number; set: Record<string, unknown> & { indicators: Record<string, unknown>[] } };
type Detail = { version: number; origin: string; definition: SetFile["set"]; versions: { version: number; origin: string; active: boolean; note: string }[] };

describeDb("indicator sets as data, by API and in the office", () => {
  const app = useTestApp();
  let t: TestApp;
  let province: TestClient;
  let commune: TestClient;
  let provinceToken: string;
  let communeToken: string;

  const api = (token: string, path: string, init: RequestInit = {}) =>
    t.app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "accept-language": "en", "content-type": "application/json", ...(init.headers as Record<string, string>) },
    });
  const stored = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM indicator_sets")).rows[0]!.n;
  const tokenOf = async (client: TestClient, role: string, unit: string) => {
    const created = await client.post("/office/tokens", { name: "sets", role, adminUnitCode: unit });
    return /<code>(xaso_[^<]+)<\/code>/.exec(await created.text())![1]!;
  };
  const exported = async (key: string, query = "") => (await (await api(provinceToken, `/api/v1/indicators/sets/${key}/export${query}`)).json()) as SetFile;
  const upload = (client: TestClient, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set(CSRF_FIELD, client.csrfToken);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new File([new Uint8Array(bytes)], name));
    return client.request(indicatorPaths.setImport, { method: "POST", body: form });
  };

  beforeAll(async () => {
    t = app();
    const p = await buildUser(t.deps, { roles: [["province_admin", "15"]], home: "15" });
    const c = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    province = new TestClient(t.app);
    commune = new TestClient(t.app);
    await province.signIn(p.username, PASSWORD);
    await commune.signIn(c.username, PASSWORD);
    provinceToken = await tokenOf(province, "province_admin", "15");
    communeToken = await tokenOf(commune, "commune_admin", GIA_PHU);
  });

  it("lists the three shipped sets and shows one with its formulas in words", async () => {
    const list = (await (await api(communeToken, "/api/v1/indicators/sets")).json()) as { province: string; items: { key: string; origin: string }[] };
    expect(list.province).toBe("15");
    expect(list.items.map((s) => `${s.key}:${s.origin}`).sort()).toEqual(["digital-commune-criteria:file", "digital-society:file", "service-index-766:file"]);
    const page = await commune.get(indicatorPaths.set("service-index-766"));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("(Hồ sơ giải quyết đúng hạn hoặc trước hạn) ÷ (Hồ sơ đã giải quyết) × 20 điểm");
    // A commune officer reads the set but is offered no form to change it.
    expect(html).not.toContain("Lưu phiên bản mới");
  });

  it("round-trips a set: export, edit a threshold, import as the province's version 2, export again", async () => {
    const file = await exported("service-index-766");
    expect(file.version).toBe(1);
    const edited = structuredClone(file);
    edited.set.indicators[0]!.thresholds = { good: 9, warn: 6 };
    const before = await stored();
    const saved = await api(provinceToken, "/api/v1/indicators/sets/import", { method: "POST", body: JSON.stringify({ ...edited, note: "Ngưỡng 2027" }) });
    expect(saved.status).toBe(201);
    expect(await saved.json()).toEqual({ key: "service-index-766", version: 2, province: "15" });
    expect(await stored()).toBe(before + 1);
    const again = await exported("service-index-766");
    expect(again).toEqual({ version: 2, set: edited.set });
    const detail = (await (await api(provinceToken, "/api/v1/indicators/sets/service-index-766")).json()) as Detail;
    expect(detail.origin).toBe("own");
    expect(detail.versions.map((v) => `${v.version}:${v.origin}:${v.active}`)).toEqual(["2:own:true", "1:file:false"]);
    // The older version stays readable as it was.
    expect((await exported("service-index-766", "?version=1")).set.indicators[0]!.thresholds).toEqual({ good: 8, warn: 5 });
  });

  it("imports an XLSX through the office page and saves an edited version from the set's page, each a new version", async () => {
    const def = definitionOf(shippedSets().find((s) => s.key === "digital-society")!);
    const res = await upload(province, await writeXlsxSetFile(1, { ...def, name: "Xã hội số (tỉnh)" }), "digital-society.xlsx", { note: "bản tỉnh" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(indicatorPaths.set("digital-society"));
    const xlsx = await province.get(indicatorPaths.setExport("digital-society", "xlsx"));
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const edit = { ...def, name: "Xã hội số (sửa)" };
    const saved = await province.post(indicatorPaths.set("digital-society"), { definition: JSON.stringify(edit), note: "sửa tên" });
    expect(saved.status).toBe(303);
    const detail = (await (await api(provinceToken, "/api/v1/indicators/sets/digital-society")).json()) as Detail;
    expect(detail.definition.name).toBe("Xã hội số (sửa)");
    expect(detail.versions.map((v) => `${v.version}:${v.active}:${v.note}`)).toEqual(["3:true:sửa tên", "2:false:bản tỉnh", "1:false:"]);
    const events = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'indicatorSet.%' ORDER BY seq");
    expect(events.rows.map((r) => r.action)).toEqual(["indicatorSet.imported", "indicatorSet.imported", "indicatorSet.versionSaved"]);
    // Another key cannot be saved from this set's page.
    const renamed = await province.post(indicatorPaths.set("digital-society"), { definition: JSON.stringify({ ...def, key: "other-set" }) });
    expect(renamed.status).toBe(400);
  });

  it("refuses malformed imports naming the field, and saves nothing", async () => {
    const before = await stored();
    const base = (await exported("digital-commune-criteria")).set;
    const bad = async (set: unknown) => {
      const res = await api(provinceToken, "/api/v1/indicators/sets/import", { method: "POST", body: JSON.stringify({ set }) });
      expect(res.status).toBe(400);
      return ((await res.json()) as Problem).errors!.map((e) => `${e.field} ${e.code}`);
    };
    const ind = (i: number, patch: Record<string, unknown>) => ({ ...base, indicators: base.indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
    expect(await bad(ind(3, { denominator: "officer_count - officer_count" }))).toEqual(["indicators.3.denominator always_zero"]);
    expect(await bad(ind(0, { numerator: "dossier_recieved_online" }))).toEqual(["indicators.0.numerator unknown_element"]);
    expect(await bad(ind(1, { key: "gov_online_received" }))).toEqual(["indicators.1.key duplicate"]);
    expect(await bad({ ...base, elements: [...(base.elements as unknown[]), { ...(base.elements as Record<string, unknown>[])[0] }] })).toEqual([
      "elements.9.key duplicate",
    ]);
    const notJson = await api(provinceToken, "/api/v1/indicators/sets/import", { method: "POST", body: "{ not json" });
    expect(notJson.status).toBe(400);
    // The office page: a file that is not JSON, and a workbook without its Indicators sheet.
    const page = await upload(province, new TextEncoder().encode('{"set": '), "set.json");
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Tệp JSON không hợp lệ");
    const { default: Excel } = await import("exceljs");
    const wb = new Excel.Workbook();
    wb.addWorksheet("Set");
    wb.addWorksheet("Groups");
    const noSheet = await upload(province, new Uint8Array(await wb.xlsx.writeBuffer()), "set.xlsx");
    expect(noSheet.status).toBe(400);
    expect(await noSheet.text()).toContain("Thiếu trang tính Elements");
    expect(await stored()).toBe(before);
  });

  it("sets targets per commune and year by API and by the form, refusing a value out of range", async () => {
    const put = await api(provinceToken, "/api/v1/indicators/sets/digital-society/targets", {
      method: "PUT",
      body: JSON.stringify({
        indicator: "household_proficient_share",
        year: 2027,
        targets: [
          { unit: GIA_PHU, target: 85 },
          { unit: "15", target: 80 },
        ],
      }),
    });
    expect(put.status).toBe(200);
    const got = (await (await api(communeToken, `/api/v1/indicators/sets/digital-society/targets?indicator=household_proficient_share&year=2027`)).json()) as {
      targets: { unit: string; target: number | null }[];
    };
    expect(got.targets.filter((x) => x.target !== null)).toEqual([
      { unit: "15", name: expect.any(String), level: "province", target: 80 },
      { unit: GIA_PHU, name: expect.any(String), level: "commune", target: 85 },
    ]);
    const tooHigh = await api(provinceToken, "/api/v1/indicators/sets/digital-society/targets", {
      method: "PUT",
      body: JSON.stringify({ indicator: "household_proficient_share", year: 2027, targets: [{ unit: GIA_PHU, target: 120 }] }),
    });
    expect(((await tooHigh.json()) as Problem).errors!.map((e) => e.field)).toEqual(["targets.0.target"]);
    const outside = await api(provinceToken, "/api/v1/indicators/sets/digital-society/targets", {
      method: "PUT",
      body: JSON.stringify({ indicator: "household_proficient_share", year: 2027, targets: [{ unit: "19", target: 50 }] }),
    });
    expect(((await outside.json()) as Problem).errors!.map((e) => e.field)).toEqual(["targets.0.unit"]);

    const path = `${indicatorPaths.targets("digital-society")}?indicator=visits&year=2027`;
    expect((await province.get(path)).status).toBe(200);
    const form = await province.post(path, { [`t_${GIA_PHU}`]: "1200", t_15: "" });
    expect(form.status).toBe(303);
    const wrong = await province.post(path, { [`t_${GIA_PHU}`]: "nhiều" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Chỉ tiêu phải là một số");
    const rows = await t.db.query<{ unit_code: string; target: string }>(
      "SELECT unit_code, target::text AS target FROM indicator_targets WHERE indicator_key = 'visits' AND year = 2027",
    );
    expect(rows.rows).toEqual([{ unit_code: GIA_PHU, target: "1200" }]);
    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicatorTarget.set'");
    expect(audit.rows[0]!.n).toBe(2);
  });

  it("forbids a commune officer to import or set targets (403) and hides another province's sets (404)", async () => {
    const file = await exported("digital-society");
    const importing = await api(communeToken, "/api/v1/indicators/sets/import", { method: "POST", body: JSON.stringify(file) });
    expect(importing.status).toBe(403);
    expect((await commune.get(indicatorPaths.setImport)).status).toBe(403);
    expect((await upload(commune, new TextEncoder().encode(JSON.stringify(file)), "s.json")).status).toBe(403);
    const targets = await api(communeToken, "/api/v1/indicators/sets/digital-society/targets", {
      method: "PUT",
      body: JSON.stringify({ indicator: "visits", year: 2027, targets: [{ unit: GIA_PHU, target: 1 }] }),
    });
    expect(targets.status).toBe(403);
    // Province 19's own set: unknown to province 15, and province 19 itself out of reach.
    await buildIndicatorSet(t.deps, { ...file.set, key: "lao-cai-own" }, { provinceCode: "19" });
    expect((await api(provinceToken, "/api/v1/indicators/sets/lao-cai-own")).status).toBe(404);
    expect((await api(provinceToken, "/api/v1/indicators/sets/lao-cai-own?province=19")).status).toBe(404);
    expect((await province.get(`${indicatorPaths.set("lao-cai-own")}?province=19`)).status).toBe(404);
    expect((await api(provinceToken, "/api/v1/indicators/sets?province=19")).status).toBe(404);
  });
});
