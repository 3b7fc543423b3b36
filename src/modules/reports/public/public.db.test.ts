// The public face of citizen reports through the app: the commune's list (only public reports, no personal data,
// filters, paging, cache), one report's page, the map page and its GeoJSON, the tile host in the CSP.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { reportPaths } from "../report-paths.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { preparePhotos, saveReportPhotos } from "../use-cases/photo-store.ts";

const PNG = readFileSync(new URL("../../../../public/field/icon-192.png", import.meta.url));
const NAME = "Lò Thị Mai";
const PHONE = "0912345678";
const EMAIL = "mai.lo@example.org";

type Feature = { id: string; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> };
type Collection = { type: string; features: Feature[]; truncated: boolean };

describeDb("the public pages of citizen reports", () => {
  const app = useTestApp();
  let x: TestApp;
  let village = "";
  let road = { id: "", code: "" };
  let rubbish = { id: "", code: "" };
  const r: Record<string, { id: string; code: string }> = {};
  const anon = () => new TestClient(x.app);

  beforeAll(async () => {
    x = app();
    village = await buildRegistryVillage(x.deps);
    road = await buildReportCategory(x.deps, { code: "road", nameVi: "Đường giao thông", nameEn: "Roads" });
    rubbish = await buildReportCategory(x.deps, { code: "rubbish", nameVi: "Rác thải", nameEn: "Rubbish" });
    const person = { reporterName: NAME, reporterPhone: PHONE };
    r.open = await buildReport(x.deps, {
      ...person,
      categoryId: road.id,
      villageCode: village,
      description: "Ổ gà sâu trước nhà văn hoá",
      landmark: "Trước nhà văn hoá thôn",
      lat: 22.41,
      lon: 103.98,
      status: "in_progress",
      createdAt: new Date("2026-11-20T02:00:00Z"),
    });
    r.answered = await buildReport(x.deps, {
      ...person,
      categoryId: rubbish.id,
      description: "Bãi rác tự phát bên suối",
      landmark: "Cầu tràn Nà Mò",
      lat: 22.45,
      lon: 104.02,
      status: "resolved",
      createdAt: new Date("2026-10-05T02:00:00Z"),
    });
    await x.db.query(
      `UPDATE reports SET answer = 'Đã dọn sạch bãi rác ngày 10/10.' || E'\\n' || 'Đặt biển cấm đổ rác.', answered_at = $2, assigned_unit = 'Tổ vệ sinh môi trường',
         reporter_email = $3 WHERE id = $1`,
      [r.answered.id, new Date("2026-10-10T02:00:00Z"), EMAIL],
    );
    await insertReportEvent(x.db, { reportId: r.answered.id, kind: "accepted", fromStatus: "received", toStatus: "accepted", actorUserId: null });
    await insertReportEvent(x.db, {
      reportId: r.answered.id,
      kind: "resolved",
      fromStatus: "in_progress",
      toStatus: "resolved",
      note: "Đã dọn",
      actorUserId: null,
    });
    await insertReportEvent(x.db, { reportId: r.answered.id, kind: "assigned", public: false, note: `Giao anh ${NAME} kiểm tra` });
    const photos = await preparePhotos([{ name: "a.png", claimedType: "image/png", bytes: PNG }]);
    const [photo] = await saveReportPhotos(x.db, { reportId: r.answered.id, communeCode: GIA_PHU, stage: "report", photos, actorUserId: null, quota: null });
    r.photo = { id: photo!.id, code: "" };
    r.unpublished = await buildReport(x.deps, {
      ...person,
      categoryId: road.id,
      description: "Không công khai: tranh chấp đất",
      public: false,
      lat: 22.4,
      lon: 104,
    });
    r.hidden = await buildReport(x.deps, { ...person, categoryId: road.id, description: "Bị ẩn bởi kiểm duyệt", lat: 22.4, lon: 104 });
    await x.db.query("UPDATE reports SET hidden_at = now(), hidden_reason = 'ảnh có mặt người' WHERE id = $1", [r.hidden.id]);
    r.abusive = await buildReport(x.deps, { ...person, categoryId: road.id, description: "Lời lẽ xúc phạm", lat: 22.4, lon: 104 });
    await x.db.query("UPDATE reports SET status = 'rejected', reject_reason = 'abusive' WHERE id = $1", [r.abusive.id]);
    r.duplicate = await buildReport(x.deps, { ...person, categoryId: road.id, description: "Ổ gà trước nhà văn hoá (lần 2)" });
    await x.db.query("UPDATE reports SET status = 'rejected', reject_reason = 'duplicate', duplicate_of = $2 WHERE id = $1", [r.duplicate.id, r.open.id]);
    r.elsewhere = await buildReport(x.deps, {
      categoryId: (await buildReportCategory(x.deps, { communeCode: BAO_THANG })).id,
      communeCode: BAO_THANG,
      lat: 22.3,
      lon: 104.1,
    });
  });

  const listHtml = async (query = "") => {
    const res = await anon().get(`${reportPaths.publicList(GIA_PHU)}${query}`);
    return { status: res.status, html: await res.text(), res };
  };

  it("lists the commune's public reports newest first, and nothing else: not unpublished, hidden, rejected or another commune's", async () => {
    const { status, html } = await listHtml();
    expect(status).toBe(200);
    for (const shown of [r.open, r.answered]) expect(html).toContain(shown!.code);
    for (const kept of [r.unpublished, r.hidden, r.abusive, r.duplicate, r.elsewhere]) expect(html).not.toContain(kept!.code);
    expect(html.indexOf(r.open!.code)).toBeLessThan(html.indexOf(r.answered!.code));
    // The answer's first line, the landmark, the status, the thumbnail with its size and lazy loading.
    expect(html).toContain("Đã dọn sạch bãi rác ngày 10/10.");
    expect(html).not.toContain("Đặt biển cấm đổ rác.");
    expect(html).toContain("Cầu tràn Nà Mò");
    expect(html).toContain("Đã trả lời");
    expect(html).toMatch(new RegExp(`<img[^>]*src="${reportPaths.photo(r.photo!.id)}"[^>]*width="\\d+"[^>]*height="\\d+"[^>]*loading="lazy"`));
  });

  it("shows no personal data of the reporter on the list, the report page or the GeoJSON", async () => {
    const pages = [
      (await listHtml()).html,
      await (await anon().get(reportPaths.publicReport(r.answered!.code))).text(),
      await (await anon().get(reportPaths.publicReport(r.open!.code))).text(),
      await (await anon().get(`/api/v1/public/reports.geojson?commune=${GIA_PHU}`)).text(),
    ];
    for (const body of pages) {
      expect(body).not.toContain(NAME);
      expect(body).not.toContain(PHONE);
      expect(body).not.toContain(EMAIL);
      expect(body).not.toContain("reporter");
    }
  });

  it("filters by status group, category, village and month with a GET form, and names a bad filter (400)", async () => {
    const codes = async (q: string) => {
      const { html } = await listHtml(q);
      return [r.open!.code, r.answered!.code].filter((c) => html.includes(c));
    };
    expect(await codes("?status=open")).toEqual([r.open!.code]);
    expect(await codes("?status=answered")).toEqual([r.answered!.code]);
    expect(await codes("?status=closed")).toEqual([]);
    expect(await codes("?category=rubbish")).toEqual([r.answered!.code]);
    expect(await codes(`?village=${village}`)).toEqual([r.open!.code]);
    expect(await codes("?month=2026-10")).toEqual([r.answered!.code]);
    expect(await codes("?month=2026-11&category=road")).toEqual([r.open!.code]);
    const { html } = await listHtml("?status=open");
    expect(html).toMatch(/<form class="report-filters" method="get"/);
    expect(html).toContain('<option value="open" selected="">');
    // A cursor that is not ours: 400 naming it, never a 500.
    for (const cursor of [Buffer.from("[123,456]").toString("base64url"), Buffer.from('["2026-01-01T00:00:00Z","x"]').toString("base64url"), "%%%"]) {
      const res = await anon().get(`${reportPaths.publicList(GIA_PHU)}?cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
    }
    const bad = await listHtml("?month=2026-13&status=soon");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('href="#f-month"');
    expect(bad.html).toContain('href="#f-status"');
    expect(bad.html).not.toContain(r.open!.code);
  });

  it("pages 20 at a time, with the filters kept in the next link", async () => {
    const cat = await buildReportCategory(x.deps, { code: "lights", nameVi: "Đèn đường" });
    const made = [];
    for (let i = 0; i < 23; i++) made.push(await buildReport(x.deps, { categoryId: cat.id, createdAt: new Date(Date.UTC(2026, 8, 1 + i)) }));
    const first = await listHtml("?category=lights");
    const next = first.html.match(/href="([^"]+)" rel="next"/)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toContain("category=lights");
    expect(made.filter((m) => first.html.includes(m.code))).toHaveLength(20);
    const second = await anon().get(next!);
    const html2 = await second.text();
    expect(made.filter((m) => html2.includes(m.code)).map((m) => m.code)).toEqual(made.slice(0, 3).map((m) => m.code));
    expect(html2).not.toContain('rel="next"');
  });

  it("keeps the list for anonymous visitors (ETag, 304) and never for a signed-in one", async () => {
    const first = await anon().get(reportPaths.publicList(GIA_PHU));
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await anon().request(reportPaths.publicList(GIA_PHU), { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
  });

  it("shows one report: description, place, photos, the answer, public steps with the unit and never a name, and 'tôi cũng gặp'", async () => {
    const res = await anon().get(reportPaths.publicReport(r.answered!.code));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Bãi rác tự phát bên suối");
    expect(html).toContain("Đặt biển cấm đổ rác.");
    expect(html).toContain("Tổ vệ sinh môi trường");
    expect(html).toContain("Người dân");
    expect(html).not.toContain("Giao anh");
    expect(html).toContain(reportPaths.photo(r.photo!.id));
    const open = await (await anon().get(reportPaths.publicReport(r.open!.code))).text();
    expect(open).toContain(`action="${reportPaths.support(r.open!.code)}"`);
    expect(open).toMatch(/name="_csrf"|name="csrf/);
  });

  it("answers 404 for a hidden, unpublished, abusive or unknown report, and sends a duplicate to its original", async () => {
    for (const code of [r.hidden!.code, r.unpublished!.code, r.abusive!.code, "PA-NOPE", "%3Cscript%3E"]) {
      expect((await anon().get(`/reports/r/${code}`)).status, code).toBe(404);
    }
    const dup = await anon().get(reportPaths.publicReport(r.duplicate!.code));
    expect(dup.status).toBe(303);
    expect(dup.headers.get("location")).toBe(reportPaths.publicReport(r.open!.code));
  });

  it("serves the map's points as GeoJSON: public reports with a place only, in the bounding box, capped", async () => {
    const all = await anon().get(`/api/v1/public/reports.geojson?commune=${GIA_PHU}`);
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    const body = (await all.json()) as Collection;
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.map((f) => f.id).sort()).toEqual([r.open!.code, r.answered!.code].sort());
    const open = body.features.find((f) => f.id === r.open!.code)!;
    expect(open.geometry.coordinates).toEqual([103.98, 22.41]);
    expect(open.properties).toMatchObject({ statusGroup: "open", url: reportPaths.publicReport(r.open!.code), category: "Đường giao thông" });
    const box = (await (await anon().get(`/api/v1/public/reports.geojson?commune=${GIA_PHU}&bbox=103.9,22.4,104.0,22.42`)).json()) as Collection;
    expect(box.features.map((f) => f.id)).toEqual([r.open!.code]);
    const capped = (await (await anon().get(`/api/v1/public/reports.geojson?commune=${GIA_PHU}&limit=1`)).json()) as Collection;
    expect(capped.features).toHaveLength(1);
    expect(capped.truncated).toBe(true);
    const filtered = (await (await anon().get(`/api/v1/public/reports.geojson?commune=${GIA_PHU}&status=answered`)).json()) as Collection;
    expect(filtered.features.map((f) => f.id)).toEqual([r.answered!.code]);
  });

  it("refuses a bad GeoJSON query with a 400 naming the field, and an unserved commune with a 404", async () => {
    for (const [q, field] of [
      ["bbox=200,0,10,10", "bbox"],
      ["bbox=a,b", "bbox"],
      ["limit=5000", "limit"],
      ["status=all", "status"],
    ] as const) {
      const res = await anon().get(`/api/v1/public/reports.geojson?commune=${GIA_PHU}&${q}`);
      expect(res.status, q).toBe(400);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect((await anon().get("/api/v1/public/reports.geojson")).status).toBe(400);
    expect((await anon().get("/api/v1/public/reports.geojson?commune=99999")).status).toBe(404);
    expect((await anon().get("/reports/99999")).status).toBe(404);
  });

  it("lets a visitor choose a commune, and lists the communes with public reports", async () => {
    const res = await anon().get(reportPaths.index);
    const html = await res.text();
    expect(html).toContain(`<option value="${GIA_PHU}">`);
    expect(html).toContain(`href="${reportPaths.publicList(GIA_PHU)}"`);
    const go = await anon().get(`${reportPaths.index}?commune=${GIA_PHU}`);
    expect(go.status).toBe(303);
    expect(go.headers.get("location")).toBe(reportPaths.publicList(GIA_PHU));
  });

  it("puts the map only on the map page, behind a hidden placeholder and one deferred script; the list has none", async () => {
    const { html: list } = await listHtml();
    expect(list).not.toContain("<script");
    expect(list).not.toContain("data-report-map");
    const map = await (await anon().get(`${reportPaths.publicMap(GIA_PHU)}?status=open`)).text();
    expect(map).toMatch(/<div[^>]*class="report-map"[^>]*hidden=""[^>]*data-report-map=/);
    expect(map).toContain(`data-geojson="/api/v1/public/reports.geojson?status=open&amp;commune=${GIA_PHU}"`);
    const scripts = map.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/defer="" src="\/reports\/map-assets\/report-map\.js\?v=[0-9a-f]{10}"/);
    expect(scripts[0]).toContain('data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"');
    const leaflet = scripts[0]!.match(/data-leaflet-js="([^"]+)"/)![1]!;
    const js = await anon().request(leaflet, { headers: { "accept-encoding": "br" } });
    expect(js.status).toBe(200);
    expect(js.headers.get("content-encoding")).toBe("br");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect((await anon().get("/reports/map-assets/images/marker-icon.png")).headers.get("content-type")).toBe("image/png");
    expect((await anon().get("/reports/map-assets/nothing.js")).status).toBe(404);
  });

  it("speaks English when the visitor chose it: texts, category and status", async () => {
    const en = anon();
    en.cookies.set("xaso_lang", "en");
    const html = await (await en.get(reportPaths.publicList(GIA_PHU))).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Citizen reports – ");
    expect(html).toContain(">Rubbish</a>");
    expect(html).toContain("Answered");
    const geo = (await (await en.request(`/api/v1/public/reports.geojson?commune=${GIA_PHU}`, { headers: { "accept-language": "en" } })).json()) as Collection;
    expect(geo.features.find((f) => f.id === r.answered!.code)?.properties).toMatchObject({ category: "Rubbish", statusLabel: "Answered" });
  });

  it("names a bad filter on the map page too (400), and then shows no map", async () => {
    const res = await anon().get(`${reportPaths.publicMap(GIA_PHU)}?status=soon`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#f-status"');
    expect(html).not.toContain("data-report-map");
  });

  it("allows images from the tile host in the CSP, and only that host", async () => {
    const csp = (await anon().get(reportPaths.publicMap(GIA_PHU))).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/img-src 'self' data: https:\/\/tile\.openstreetmap\.org(;|$)/);
    expect((await anon().get("/")).headers.get("permissions-policy")).toContain("geolocation=(self)");
  });
});

describeDb("the public map switched off (MAP_TILE_URL=none)", () => {
  const app = useTestApp({ env: { MAP_TILE_URL: "none" } });

  it("offers no map and no map script, keeps the list, and the CSP names no tile host", async () => {
    const x = app();
    const list = await new TestClient(x.app).get(reportPaths.publicList(GIA_PHU));
    const html = await list.text();
    expect(html).not.toContain(reportPaths.publicMap(GIA_PHU));
    expect(list.headers.get("content-security-policy")).toMatch(/img-src 'self' data:;/);
    const map = await (await new TestClient(x.app).get(reportPaths.publicMap(GIA_PHU))).text();
    expect(map).not.toContain("<script");
    expect(map).toContain("Máy chủ này không dùng bản đồ");
  });
});

describe("the tile setting", () => {
  it("derives the CSP origin from the template and refuses what is not a tile address", async () => {
    const { mapTileOrigin, loadConfig } = await import("../../../config.ts");
    expect(mapTileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png")).toBe("https://*.tile.example.org");
    expect(mapTileOrigin("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(mapTileOrigin("https://tiles.example.org/{z}/{x}.png")).toBeNull();
    expect(mapTileOrigin("ftp://tiles.example.org/{z}/{x}/{y}.png")).toBeNull();
    expect(() => loadConfig({ MAP_TILE_URL: "javascript:alert(1)" })).toThrow(/MAP_TILE_URL/);
    expect(loadConfig({}).map.tileUrl).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  });
});
