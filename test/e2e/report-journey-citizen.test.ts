// A resident at 360 px with JavaScript off reports a problem with a photo, gets the code and the private link, and
// follows it; later, back from another browser, finds the report again from its code and the phone. The officer's
// side is other parts' journeys: this one stops at the private page. The form's two steps weigh ≤ 30 KB each.
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { buildVillage } from "../support/factories.ts";
import { buildReportCategory } from "../support/report-factories.ts";
import { describeBrowser, NARROW_VIEWPORT } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import { formatWeight, measureFirstVisit } from "./support/page-weight.ts";
import type { XasoPage } from "./support/xaso-page.ts";

const BUDGET = 30 * 1024;
const PHONE = "0912 777 888";
const DESCRIPTION = "Cống thoát nước bị tắc, nước tràn ra đường liên thôn";

describeBrowser("a resident reports a problem without JavaScript, at 360 px", () => {
  const e2e = useE2e();
  let resident: XasoPage;
  let villageName: string;
  const sent = { code: "", link: "" };

  beforeAll(async () => {
    const deps = e2e().app.deps;
    await buildReportCategory(deps, { communeCode: DEMO_COMMUNE, code: "drain", nameVi: "Cống, rãnh thoát nước", nameEn: "Drains", timeLimitDays: 5 });
    villageName = (await buildVillage(deps, DEMO_COMMUNE, "Thôn Cống Tắc")).fullName;
    resident = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
  });

  const expectFits = async (x: XasoPage) => {
    const { scrollWidth, viewport } = await x.horizontalOverflow();
    const wide = scrollWidth > 360 ? await x.overflowingElements(360) : [];
    expect({ scrollWidth, viewport, wide }, `${x.path} scrolls sideways`).toEqual({ scrollWidth: 360, viewport: 360, wide: [] });
  };

  it("chooses the place, sees no similar report, sends the report with a photo and gets the code and the private link", async () => {
    await resident.open(`/reports/${DEMO_COMMUNE}/new`);
    expect(await resident.h1()).toBe("Gửi phản ánh");
    // "Use my location" and the map picker are JavaScript controls: none with JavaScript off, the placeholder hidden.
    await expect(resident.page.getByRole("button", { name: "Dùng vị trí hiện tại của tôi" }).count()).resolves.toBe(0);
    await expect(resident.page.locator("[data-map-picker]").isVisible()).resolves.toBe(false);
    await expectFits(resident);
    const place = resident.page.locator("main form[method=get]");
    await place.getByLabel("Loại việc").selectOption({ label: "Cống, rãnh thoát nước" });
    await place.getByLabel("Thôn, tổ dân phố").selectOption({ label: villageName });
    await place.getByLabel("Địa điểm cụ thể").fill("Trước nhà văn hoá thôn");
    expect((await resident.navigateBy(place.getByRole("button", { name: "Tiếp tục" }))).status()).toBe(200);
    await expect(resident.page.getByText("Không thấy phản ánh đang xử lý nào giống vậy.").isVisible()).resolves.toBe(true);
    await expectFits(resident);

    const form = resident.page.locator('main form[method="post"]');
    // What was chosen in the first step is kept.
    await expect(form.getByLabel("Địa điểm cụ thể").inputValue()).resolves.toBe("Trước nhà văn hoá thôn");
    await form.getByLabel("Mô tả").fill(DESCRIPTION);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#557788" } })
      .jpeg()
      .toBuffer();
    await form.getByLabel("Ảnh 1").setInputFiles({ name: "cong-tac.jpg", mimeType: "image/jpeg", buffer: photo });
    await form.getByLabel("Họ và tên").fill("Hoàng Thị Lan");
    await form.getByLabel("Số điện thoại di động").fill(PHONE);
    const res = await resident.navigateBy(form.getByRole("button", { name: "Gửi phản ánh" }));
    expect(res.status()).toBe(200);
    expect(await resident.h1()).toBe("Đã gửi phản ánh");
    await expectFits(resident);
    sent.code = (await resident.page.locator(".report-code strong").innerText()).trim();
    expect(sent.code).toMatch(/^PA-[A-Z0-9]{6}$/);
    const link = resident.page.locator(".report-sent a").first();
    sent.link = (await link.getAttribute("href")) ?? "";
    expect(sent.link).toContain(`/reports/follow/${sent.code}/`);
    await expect(resident.page.getByText("Chúng tôi đã gửi mã và đường dẫn này qua tin nhắn đến số 0912777888.").isVisible()).resolves.toBe(true);
    // The SMS waits in the outbox with the code and the link.
    const sms = await e2e().app.db.query<{ payload: { to: string; text: string } }>(
      "SELECT o.payload FROM outbox o WHERE o.payload->>'to' = '+84912777888' AND o.topic = 'sms'",
    );
    expect(sms.rows[0]!.payload.text).toContain(sent.code);
    expect(sms.rows[0]!.payload.text).toContain(new URL(sent.link, e2e().baseUrl).pathname);
  });

  it("follows the private link: the report, its photo, its history, no way to confirm before an answer", async () => {
    expect((await resident.navigateBy(resident.page.locator(".report-sent a").first())).status()).toBe(200);
    expect(await resident.h1()).toBe(`Phản ánh ${sent.code}`);
    const main = resident.page.locator("main");
    await expect(main.getByText(DESCRIPTION).isVisible()).resolves.toBe(true);
    await expect(main.getByText("Đã gửi, chờ tiếp nhận").first().isVisible()).resolves.toBe(true);
    await expect(main.getByRole("img", { name: `Ảnh 1 của phản ánh ${sent.code}` }).count()).resolves.toBe(1);
    await expect(main.getByText("Gửi phản ánh").first().isVisible()).resolves.toBe(true);
    await expect(main.getByRole("button", { name: "Đã khắc phục, cảm ơn" }).count()).resolves.toBe(0);
    await expectFits(resident);
  });

  it("finds the report again from another phone with the code and the phone number", async () => {
    const other = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    await other.open("/reports/follow");
    const form = other.page.locator("main form");
    await form.getByLabel("Mã phản ánh").fill(sent.code.toLowerCase());
    await form.getByLabel("Số điện thoại đã ghi").fill(PHONE);
    expect((await other.navigateBy(form.getByRole("button", { name: "Tra cứu" }))).status()).toBe(200);
    expect(await other.h1()).toBe(`Phản ánh ${sent.code}`);
    await expectFits(other);
  });

  it.each([
    { name: "the place step", path: () => `/reports/${DEMO_COMMUNE}/new` },
    { name: "the full form", path: () => `/reports/${DEMO_COMMUNE}/new?step=full&categoryCode=drain` },
  ])("$name weighs at most 30 KB compressed on a first visit", async ({ name, path }) => {
    const context = await e2e().newContext();
    const w = await measureFirstVisit(context, new URL(path(), e2e().baseUrl).toString());
    const report = formatWeight(name, w);
    console.log(report);
    expect(w.transfers.find((t) => t.type === "Document")?.status).toBe(200);
    // Leaflet comes only when the map is asked for (report-map.test.ts): never with the form itself.
    expect(w.transfers.filter((t) => /leaflet/.test(t.url))).toEqual([]);
    expect(w.total, report).toBeLessThanOrEqual(BUDGET);
  });
});
