// Issue #13's manual entry in Chromium with JavaScript off: the commune officer of Gia Phú enters a month's wifi
// points, uploads the acceptance record as evidence and submits; the province's officer opens the evidence from the
// review queue and approves; the commune sees the value locked, and the province's late-and-missing list shows the
// period approved. axe finds no violations on the form (empty, with an error, submitted, approved), the review queue
// and the status list; the form is checked on a 360-px-wide phone too.
// (A month: the shipped sets ask for nothing monthly, so the month is complete once this one value is approved.)
import { expect, it } from "vitest";
import { DEMO_COMMUNE, DEMO_PROVINCE } from "../../src/demo/seed-demo.ts";
import { indicatorPaths } from "../../src/modules/indicators/indicator-paths.ts";
import { labelledPdf } from "../../src/platform/files/labelled-pdf.ts";
import { buildIndicatorSet } from "../support/indicator-factories.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser, NARROW_VIEWPORT } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import type { XasoPage } from "./support/xaso-page.ts";

const SET = {
  key: "e2e-entry",
  name: "Tiêu chí xã số (thử)",
  nameEn: "Digital commune criteria (test)",
  elements: [
    {
      key: "wifi_points",
      name: "Số điểm wifi công cộng miễn phí",
      nameEn: "Free public wifi points",
      valueType: "integer",
      min: 0,
      max: 500,
      aggregation: "last",
      frequency: "month",
      evidenceRequired: true,
    },
  ],
  indicators: [{ key: "wifi", name: "Điểm wifi công cộng", nameEn: "Public wifi points", unit: "count", numerator: "wifi_points" }],
};

describeBrowser("indicators: manual entry with evidence and the province's approval, without JavaScript", () => {
  const e2e = useE2e();
  const axeClean = async (x: XasoPage) => {
    const violations = await x.axe();
    expect(violations, formatViolations(x.path, violations)).toEqual([]);
  };

  it("enters, uploads, submits, and the province approves", async () => {
    const { app, openPage } = e2e();
    await buildIndicatorSet(app.deps, SET, { provinceCode: DEMO_PROVINCE });
    const form = indicatorPaths.entryForm(DEMO_COMMUNE, "2026-10");
    // The journey runs without JavaScript; axe needs it (Chromium closes a script-less page when axe runs), so a
    // second page of the same person, on a 360-px phone, checks the same server-rendered markup.
    const commune = await openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT });
    await commune.signIn("xa.giaphu");
    const communeAxe = await openPage({ viewport: NARROW_VIEWPORT });
    await communeAxe.signIn("xa.giaphu");
    await communeAxe.open(indicatorPaths.entry);
    await axeClean(communeAxe);
    await communeAxe.open(form);
    await axeClean(communeAxe);
    expect(await communeAxe.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // A value out of range comes back beside its field, nothing kept.
    await commune.open(form);
    await commune.page.locator("#f-wifi_points-value").fill("9999");
    let res = await commune.navigateBy(commune.page.locator("button[name=action][value=save]"));
    expect(res.status()).toBe(400);
    expect(await commune.page.locator("#f-wifi_points-value-error").innerText()).toContain("500");
    await communeAxe.page.locator("#f-wifi_points-value").fill("9999");
    await communeAxe.navigateBy(communeAxe.page.locator("button[name=action][value=save]"));
    await axeClean(communeAxe);

    await commune.page.locator("#f-wifi_points-value").fill("12");
    await commune.page.locator("#f-wifi_points-note").fill("Theo biên bản nghiệm thu ngày 30/9");
    await commune.page
      .locator("#f-wifi_points-evidence")
      .setInputFiles({ name: "bien-ban-nghiem-thu.pdf", mimeType: "application/pdf", buffer: Buffer.from(labelledPdf("Bien ban nghiem thu")) });
    res = await commune.navigateBy(commune.page.locator("button[name=action][value=submit]"));
    expect(res.status()).toBe(200);
    expect(commune.path).toBe(form);
    expect(await commune.flash()).toBe("Đã gửi tỉnh duyệt.");
    expect(await commune.page.locator("main").innerText()).toContain("Chờ tỉnh duyệt");
    await communeAxe.open(form);
    await axeClean(communeAxe);

    const province = await openPage({ javaScriptEnabled: false });
    await province.signIn("tinh.laocai");
    const provinceAxe = await openPage();
    await provinceAxe.signIn("tinh.laocai");
    await provinceAxe.open(indicatorPaths.review);
    await axeClean(provinceAxe);
    await province.open(indicatorPaths.review);
    const href = await province.page.getByRole("link", { name: "bien-ban-nghiem-thu.pdf" }).getAttribute("href");
    const file = await province.page.request.get(new URL(href!, province.baseUrl).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    res = await province.navigateBy(province.page.locator("button[name=decision][value=approve]").first());
    expect(res.status()).toBe(200);
    expect(await province.flash()).toBe("Đã duyệt số liệu.");
    expect(await province.page.locator("main").innerText()).toContain("Không có số liệu nào đang chờ duyệt.");
    await province.open(`${indicatorPaths.entryStatus}?unit=${DEMO_COMMUNE}`);
    expect(await province.page.locator("main").innerText()).toContain("Đã duyệt");
    await provinceAxe.open(`${indicatorPaths.entryStatus}?unit=${DEMO_COMMUNE}`);
    await axeClean(provinceAxe);

    await commune.open(form);
    expect(await commune.page.locator("#f-wifi_points-value").count()).toBe(0);
    expect(await commune.page.getByRole("button", { name: "Đề nghị điều chỉnh" }).count()).toBe(1);
    await communeAxe.open(form);
    await axeClean(communeAxe);
    const stored = await app.db.query("SELECT status, value::int AS value FROM indicator_manual_values WHERE unit_code = $1 AND period = '2026-10'", [
      DEMO_COMMUNE,
    ]);
    expect(stored.rows).toEqual([{ status: "approved", value: 12 }]);
  }, 180_000);
});
