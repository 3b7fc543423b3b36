// Issue #13's dashboards in Chromium: the province's officer opens the province dashboard, follows a commune, one of
// its indicators, the records behind the number and a record — axe clean on each page; then the same pages with
// JavaScript off on a 360-px phone: they open, their links work and nothing scrolls sideways.
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE, DEMO_OTHER_COMMUNE, DEMO_PROVINCE } from "../../src/demo/seed-demo.ts";
import { indicatorPaths } from "../../src/modules/indicators/indicator-paths.ts";
import { buildFacts, buildIndicatorSet } from "../support/indicator-factories.ts";
import { buildHousehold } from "../support/registry-factories.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser, NARROW_VIEWPORT } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import type { XasoPage } from "./support/xaso-page.ts";

const VILLAGE = `${DEMO_COMMUNE}.001`;
const SET = {
  key: "e2e-dash",
  name: "Xã hội số (thử)",
  nameEn: "Digital society (test)",
  indicators: [
    {
      key: "proficient",
      name: "Hộ có thành viên thành thạo kỹ năng số",
      nameEn: "Households with a proficient member",
      unit: "percent",
      numerator: "household_proficient",
      denominator: "household_count",
      thresholds: { good: 60, warn: 40 },
      records: "household_proficient",
      public: true,
    },
    {
      key: "online",
      name: "Hồ sơ trực tuyến",
      nameEn: "Dossiers online",
      unit: "percent",
      numerator: "dossier_received_online",
      denominator: "dossier_received",
      thresholds: { good: 50, warn: 30 },
      public: true,
    },
  ],
};
const QS = "?set=e2e-dash&period=2026-11";

describeBrowser("the indicators dashboard: province → commune → indicator → records → a record", () => {
  const e2e = useE2e();
  const visited: string[] = [];

  beforeAll(async () => {
    const deps = e2e().app.deps;
    await buildIndicatorSet(deps, SET);
    await buildFacts(deps, DEMO_COMMUNE, "2026-11-04", { dossier_received: 20, dossier_received_online: 15 });
    await buildFacts(deps, DEMO_OTHER_COMMUNE, "2026-11-04", { dossier_received: 20, dossier_received_online: 5 });
    await buildFacts(deps, VILLAGE, "2026-11-10", { household_count: 40, household_proficient: 18 });
    const h = await buildHousehold(deps, { villageCode: VILLAGE, address: "Số 12 đường Phú Hà" });
    await deps.db.query("SELECT coverage_refresh_households($1::uuid[])", [[h.id]]);
  });

  const axeClean = async (x: XasoPage) => {
    const violations = await x.axe();
    expect(violations, formatViolations(x.path, violations)).toEqual([]);
  };

  it("drills down with a mouse, axe clean on every page", async () => {
    const x = await e2e().openPage();
    await x.signIn("tinh.laocai");
    await x.open(`${indicatorPaths.unit(DEMO_PROVINCE)}${QS}&sort=online`);
    visited.push(x.path);
    // Ranked: Gia Phú (75 %) before Bảo Thắng (25 %), each with a word beside its colour.
    const ranking = await x.page.locator("#ind-ranking").locator("xpath=ancestor::table").innerText();
    expect(ranking.indexOf("Gia Phú")).toBeLessThan(ranking.indexOf("Bảo Thắng"));
    expect(ranking).toContain("Đạt");
    expect(ranking).toContain("Chưa đạt");
    expect(await x.page.locator("svg.chart[role=img] title").count()).toBeGreaterThan(0);
    await axeClean(x);

    await x.navigateBy(x.page.locator("table a", { hasText: "Gia Phú" }).first());
    expect(x.path).toContain(indicatorPaths.unit(DEMO_COMMUNE));
    visited.push(x.path);
    await axeClean(x);

    await x.navigateBy(x.page.locator("#ind-own").locator("xpath=ancestor::table").locator("a", { hasText: "thành thạo" }).first());
    expect(x.path).toContain(indicatorPaths.indicator(DEMO_COMMUNE, "e2e-dash", "proficient"));
    visited.push(x.path);
    expect(await x.page.locator("main").innerText()).toContain("45 %");
    await axeClean(x);

    await x.navigateBy(x.page.locator(`a[href^="${indicatorPaths.records(DEMO_COMMUNE, "household_proficient")}"]`).first());
    visited.push(x.path);
    expect(await x.page.locator("main").innerText()).toContain("Số 12 đường Phú Hà");
    await axeClean(x);

    const res = await x.navigateBy(x.page.locator("main table a", { hasText: "Số 12 đường Phú Hà" }));
    expect(res.status()).toBe(200);
    expect(x.path).toMatch(/^\/office\/registry\/households\//);
    visited.push(x.path);
  });

  it("serves the same pages without JavaScript at 360 px, nothing scrolling sideways", async () => {
    const noJs = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    await noJs.signIn("tinh.laocai");
    const pages = [...visited.slice(0, 4), indicatorPaths.publicUnit(DEMO_COMMUNE)];
    expect(pages.length).toBe(5);
    for (const path of pages) {
      await noJs.open(path);
      // Wide tables scroll inside their own box; the page itself never does.
      const { scrollWidth, viewport } = await noJs.horizontalOverflow();
      const wide = scrollWidth > 360 ? await noJs.overflowingElements(360) : [];
      expect({ scrollWidth, viewport, wide }, `${path} scrolls sideways`).toEqual({ scrollWidth: 360, viewport: 360, wide: [] });
    }
    // The period picker is a plain GET form: it works without a script.
    await noJs.open(`${indicatorPaths.unit(DEMO_COMMUNE)}${QS}`);
    await noJs.page.locator("#f-period").selectOption("2026-Q4");
    const res = await noJs.navigateBy(noJs.page.locator("form.filters button[type=submit]"));
    expect(res.status()).toBe(200);
    expect(noJs.path).toContain("period=2026-Q4");
  });
});
