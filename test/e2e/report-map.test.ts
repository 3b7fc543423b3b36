// The citizen-report map in Chromium (issue #11 §5), with the site's real CSP: tiles come from a stub tile server
// started here (MAP_TILE_URL points at it: no network), the public map shows a marker per public report with a place,
// the picker on the real report form writes the point picked on the map, or the phone's location, into the form's
// inputs, and the form weighs at most 30 KB compressed until the map is asked for. With JavaScript off
// the list and the map page carry no map and load no map file; the public list weighs at most 30 KB compressed.
// Test data from the report factories, no demo seed.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { messagesVi } from "../../src/modules/reports/public/public.messages.ts";
import { reportPaths } from "../../src/modules/reports/report-paths.ts";
import { GIA_PHU } from "../support/factories.ts";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser, launchChromium, NARROW_VIEWPORT } from "./support/browser.ts";
import { startServer, stopServer } from "./support/e2e-app.ts";
import { formatWeight, measureFirstVisit } from "./support/page-weight.ts";
import { XasoPage } from "./support/xaso-page.ts";

const M = messagesVi;
const PHONE = { viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true, locale: "vi-VN" } as const;
/** A real 192-px PNG (the field app's icon) stands in for every tile. */
const TILE = readFileSync(new URL("../../public/field/icon-192.png", import.meta.url));
const BUDGET = 30 * 1024;
/** The report form's full step (the place's fields with the picker, then the rest). */
const PICKER_PAGE = `${reportPaths.newReport(GIA_PHU)}?step=full&categoryCode=drain`;

describeBrowser("the citizen-report map", () => {
  let app: TestApp;
  let server: ServerType;
  let baseUrl = "";
  let tiles: Server;
  let tileOrigin = "";
  const tileRequests: string[] = [];
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const withPlace: string[] = [];
  let withoutPlace = "";
  let unpublished = "";

  const newContext = async (opts: Parameters<Browser["newContext"]>[0] = {}) => {
    const ctx = await browser.newContext({ ...PHONE, ...opts });
    contexts.push(ctx);
    return ctx;
  };
  /** Every request the page makes, and every CSP complaint: the map must need neither another host nor an exception. */
  const watch = (p: Page) => {
    const seen = { hosts: new Set<string>(), paths: [] as string[], csp: [] as string[] };
    p.setDefaultTimeout(10_000);
    p.on("request", (r) => {
      const u = new URL(r.url());
      seen.hosts.add(u.origin);
      seen.paths.push(u.pathname);
    });
    p.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.csp.push(m.text());
    });
    return seen;
  };

  beforeAll(async () => {
    tiles = createServer((req, res) => {
      tileRequests.push(req.url ?? "");
      res.writeHead(/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? "") ? 200 : 404, { "content-type": "image/png" });
      res.end(TILE);
    });
    await new Promise<void>((resolve) => tiles.listen(0, "127.0.0.1", resolve));
    tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
    app = await buildTestApp({ env: { MAP_TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: "© Bản đồ thử nghiệm" } });
    const cat = await buildReportCategory(app.deps, { code: "drain", nameVi: "Cống rãnh" });
    const places = [
      [22.401, 103.981],
      [22.405, 103.99],
      [22.41, 103.975],
    ] as const;
    for (const [lat, lon] of places) withPlace.push((await buildReport(app.deps, { categoryId: cat.id, lat, lon, status: "accepted" })).code);
    withoutPlace = (await buildReport(app.deps, { categoryId: cat.id, description: "Cống tắc, không có toạ độ" })).code;
    unpublished = (await buildReport(app.deps, { categoryId: cat.id, lat: 22.403, lon: 103.985, public: false })).code;
    // Older reports without a place fill the list's first page (20), so that its weight is measured full.
    const long = "Nước thải từ khu chợ chảy tràn ra đường liên thôn sau mỗi trận mưa, bốc mùi và làm trơn trượt; học sinh đi qua phải lội nước. ";
    for (let i = 0; i < 20; i++) {
      await buildReport(app.deps, {
        categoryId: cat.id,
        description: long.repeat(2),
        landmark: `Ngõ ${i + 1} chợ trung tâm`,
        createdAt: new Date(Date.UTC(2026, 8, 1 + i)),
      });
    }
    const started = await startServer(app.app);
    server = started.server;
    baseUrl = started.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server);
    await new Promise((resolve) => tiles?.close(resolve));
    await app?.close();
  });

  it("shows a marker for each public report with a place, tiles from the configured server only, under the real CSP", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const seen = watch(page);
    await page.goto(`${baseUrl}${reportPaths.publicMap(GIA_PHU)}`, { waitUntil: "load" });
    const box = page.locator("[data-report-map]");
    await expect.poll(() => box.getAttribute("data-markers")).toBe(String(withPlace.length));
    expect(await box.isVisible()).toBe(true);
    expect(await page.locator("[data-map-noscript]").isVisible()).toBe(false);
    // One vector marker per report with a place; the report without one and the unpublished one are not on the map.
    await expect.poll(() => page.locator("[data-report-map] path.leaflet-interactive").count()).toBe(withPlace.length);
    await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
    expect(await page.locator(".leaflet-tile-loaded").count()).toBeGreaterThan(0);
    expect(await page.locator(".leaflet-control-attribution").innerText()).toContain("© Bản đồ thử nghiệm");
    // A marker opens its report.
    await page.locator("[data-report-map] path.leaflet-interactive").first().click({ force: true });
    const link = page.locator(".leaflet-popup-content a");
    await link.waitFor();
    const href = (await link.getAttribute("href")) ?? "";
    expect(withPlace.map((c) => reportPaths.publicReport(c))).toContain(href);
    expect(href).not.toContain(withoutPlace);
    expect(href).not.toContain(unpublished);
    expect([...seen.hosts].sort()).toEqual([baseUrl, tileOrigin].sort());
    expect(seen.csp).toEqual([]);
    // Leaflet came from our origin, and only because this page shows a map.
    expect(seen.paths.some((p) => p === "/reports/map-assets/leaflet.js")).toBe(true);
  });

  it("moves the markers with the view: the GeoJSON is asked for the bounding box after a pan", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const seen = watch(page);
    await page.goto(`${baseUrl}${reportPaths.publicMap(GIA_PHU)}`, { waitUntil: "load" });
    await expect.poll(() => page.locator("[data-report-map]").getAttribute("data-markers")).toBe(String(withPlace.length));
    const bboxAsked = page.waitForRequest((r) => r.url().includes("/api/v1/public/reports.geojson") && r.url().includes("bbox="));
    await page.locator(".leaflet-control-zoom-in").click();
    const req = await bboxAsked;
    const bbox = new URL(req.url()).searchParams.get("bbox")!.split(",").map(Number);
    expect(bbox).toHaveLength(4);
    expect(bbox[0]!).toBeLessThan(bbox[2]!);
    expect(seen.csp).toEqual([]);
  });

  it("lets the resident pick the place on the map: the point goes into the form's inputs", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const seen = watch(page);
    await page.goto(`${baseUrl}${PICKER_PAGE}`, { waitUntil: "load" });
    // Leaflet is not loaded until the map is asked for: the form stays light.
    expect(seen.paths.some((p) => p.endsWith("/leaflet.js"))).toBe(false);
    await page.getByRole("button", { name: M["reports.public.picker.pick"] }).click();
    const map = page.locator(".map-picker__map[data-ready]");
    await map.waitFor();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 20, box.y + box.height / 2 - 10);
    await expect.poll(() => page.locator("#f-lat").inputValue()).not.toBe("");
    const lat = Number(await page.locator("#f-lat").inputValue());
    const lon = Number(await page.locator("#f-lon").inputValue());
    // The map starts on Vietnam as a whole: a click near its centre lands in the country.
    expect(lat).toBeGreaterThan(8);
    expect(lat).toBeLessThan(24);
    expect(lon).toBeGreaterThan(102);
    expect(lon).toBeLessThan(110);
    expect(await page.locator("#f-locationSource").inputValue()).toBe("map");
    expect(await page.locator("[data-map-picker] [role=status]").innerText()).toContain(await page.locator("#f-lat").inputValue());
    // Without a pointer: focus the map, Enter marks its centre.
    await map.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#f-lon").inputValue()).not.toBe(String(lon.toFixed(6)));
    expect(await page.locator("#f-locationSource").inputValue()).toBe("map");
    // "Remove the place" empties both.
    await page.getByRole("button", { name: M["reports.public.picker.clear"] }).click();
    expect(await page.locator("#f-lat").inputValue()).toBe("");
    expect(await page.locator("#f-lon").inputValue()).toBe("");
    expect(seen.csp).toEqual([]);
  });

  it("uses the phone's location when the resident allows it", async () => {
    const ctx = await newContext({ permissions: ["geolocation"], geolocation: { latitude: 22.40321, longitude: 103.98765 } });
    const page = await ctx.newPage();
    const seen = watch(page);
    await page.goto(`${baseUrl}${PICKER_PAGE}`, { waitUntil: "load" });
    await page.getByRole("button", { name: M["reports.public.picker.locate"] }).click();
    await expect.poll(() => page.locator("#f-lat").inputValue()).toBe("22.403210");
    expect(await page.locator("#f-lon").inputValue()).toBe("103.987650");
    expect(await page.locator("#f-locationSource").inputValue()).toBe("device");
    // No map was needed for that.
    expect(seen.paths.some((p) => p.endsWith("/leaflet.js"))).toBe(false);
    expect(seen.csp).toEqual([]);
    // The form sends the point with the report.
    const description = "Cống tắc trước cổng trường, vị trí từ điện thoại";
    const form = page.locator('main form[method="post"]');
    await form.getByLabel("Mô tả").fill(description);
    await Promise.all([page.waitForURL(/\/reports\/follow\//), form.getByRole("button", { name: /gửi phản ánh/i }).click()]);
    const { rows } = await app.db.query<{ lat: string; lon: string; source: string }>(
      "SELECT lat::text AS lat, lon::text AS lon, location_source AS source FROM reports WHERE description = $1",
      [description],
    );
    expect(rows.map((r) => [Number(r.lat), Number(r.lon), r.source])).toEqual([[22.40321, 103.98765, "device"]]);
    // A public report with a place from now on: the later tests expect its marker too.
    withPlace.push(new URL(page.url()).pathname.split("/")[3]!);
  });

  it("keeps the report form within 30 KB compressed with the picker, until the map is asked for", async () => {
    const ctx = await newContext();
    const w = await measureFirstVisit(ctx, `${baseUrl}${PICKER_PAGE}`);
    const report = formatWeight("report form with the picker", w);
    console.log(report);
    const paths = w.transfers.map((t) => new URL(t.url).pathname);
    expect(paths).toContain("/reports/map-assets/report-map.js");
    expect(paths.filter((p) => p.includes("leaflet"))).toEqual([]);
    expect(w.total, report).toBeLessThanOrEqual(BUDGET);
  });

  it("has no axe violations on the map page and on the picker with the map open", async () => {
    const x = new XasoPage(await (await newContext({ bypassCSP: true })).newPage(), baseUrl);
    await x.open(reportPaths.publicMap(GIA_PHU));
    await expect.poll(() => x.page.locator("[data-report-map]").getAttribute("data-markers")).toBe(String(withPlace.length));
    const onMap = await x.axe();
    expect(onMap, formatViolations("map page", onMap)).toEqual([]);
    await x.open(PICKER_PAGE);
    await x.page.getByRole("button", { name: M["reports.public.picker.pick"] }).click();
    await x.page.locator(".map-picker__map[data-ready]").waitFor();
    const onPicker = await x.axe();
    expect(onPicker, formatViolations("picker", onPicker)).toEqual([]);
  });

  it("with JavaScript off, at 360 px: no map and no map file on the list or the map page, the list stands alone", async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const seen = watch(page);
    const before = tileRequests.length;
    const x = new XasoPage(page, baseUrl);
    await x.open(reportPaths.publicList(GIA_PHU));
    for (const code of [...withPlace, withoutPlace]) expect(await page.content()).toContain(code);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("[data-report-map], [data-map-picker]").count()).toBe(0);
    expect(await x.horizontalOverflow()).toEqual({ scrollWidth: 360, viewport: 360 });
    await x.open(reportPaths.publicMap(GIA_PHU));
    expect(await page.locator("[data-report-map]").isVisible()).toBe(false);
    expect(await page.locator("[data-map-noscript]").innerText()).toBe(M["reports.public.mapNeedsScript"]);
    expect(await x.horizontalOverflow()).toEqual({ scrollWidth: 360, viewport: 360 });
    // The list link works without the map.
    await x.followLink(M["reports.public.viewList"]);
    expect(x.path).toBe(reportPaths.publicList(GIA_PHU));
    await x.open(reportPaths.publicReport(withPlace[0]!));
    expect(await x.horizontalOverflow()).toEqual({ scrollWidth: 360, viewport: 360 });
    expect(seen.paths.filter((p) => p.startsWith("/reports/map-assets/"))).toEqual([]);
    expect(tileRequests.length).toBe(before);
  });

  it("keeps the public list within 30 KB compressed on a first visit (HTML, CSS, icon; no map)", async () => {
    const ctx = await newContext();
    const w = await measureFirstVisit(ctx, `${baseUrl}${reportPaths.publicList(GIA_PHU)}`);
    const report = formatWeight("public list", w);
    console.log(report);
    const doc = w.transfers.find((t) => t.type === "Document");
    expect(doc?.status).toBe(200);
    expect(doc?.encoding).toMatch(/^(gzip|br|deflate|zstd)$/);
    expect(w.transfers.filter((t) => t.type === "Stylesheet" && t.status === 200)).toHaveLength(2);
    expect(w.transfers.some((t) => new URL(t.url).pathname.startsWith("/reports/map-assets/"))).toBe(false);
    expect(await (await fetch(`${baseUrl}${reportPaths.publicList(GIA_PHU)}`)).text()).toContain('rel="next"');
    expect(w.total, report).toBeLessThanOrEqual(BUDGET);
  });

  it("adds the map's files only on the map page, compressed and from our origin (recorded in docs/reports/map.md)", async () => {
    const ctx = await newContext();
    const w = await measureFirstVisit(ctx, `${baseUrl}${reportPaths.publicMap(GIA_PHU)}`);
    const report = formatWeight("public map page", w);
    console.log(report);
    const mapFiles = w.transfers.filter((t) => new URL(t.url).pathname.startsWith("/reports/map-assets/"));
    expect(mapFiles.map((t) => new URL(t.url).pathname).sort()).toEqual(
      expect.arrayContaining(["/reports/map-assets/leaflet.css", "/reports/map-assets/leaflet.js", "/reports/map-assets/report-map.js"]),
    );
    for (const f of mapFiles.filter((t) => /\.(js|css)$/.test(new URL(t.url).pathname))) expect(f.encoding, f.url).toMatch(/^(gzip|br)$/);
    const withoutMap = w.transfers
      .filter((t) => !new URL(t.url).pathname.startsWith("/reports/map-assets/") && !t.url.startsWith(tileOrigin) && !t.url.includes("reports.geojson"))
      .reduce((sum, t) => sum + t.bytes, 0);
    expect(withoutMap, report).toBeLessThanOrEqual(BUDGET);
  });
});
