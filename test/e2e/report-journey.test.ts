// Issue #11's journey end to end, through the real pages: a resident at 360 px with JavaScript off reports a problem
// with two photos (a JPEG and a HEIC, both carrying GPS in their EXIF) and keeps the code and the private link; the
// one-stop officer finds it on the desk's "new" tab, accepts it and assigns it to a specialist, who answers with a
// photo; the resident confirms on the private page with a rating; the public list and the public report show the
// report, its answer and its photos with no personal data, and the photos served carry no metadata. A report posted
// by an Open311 client lands on the same desk. axe checks each page of the journey (in a JavaScript-enabled twin of
// the same page: axe needs script). No map tiles: MAP_TILE_URL=none, so nothing leaves the machine.
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { reportPaths } from "../../src/modules/reports/report-paths.ts";
import { hashOpen311Key, newOpen311Key } from "../../src/modules/reports/use-cases/open311-client-key.ts";
import { buildVillage } from "../support/factories.ts";
import { buildReportCategory } from "../support/report-factories.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser, NARROW_VIEWPORT } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import { officeStep, type StepForm } from "./support/office-report.ts";
import type { XasoPage } from "./support/xaso-page.ts";

const PHONE_NARROW = { viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true } as const;
const REPORTER = { name: "Đinh Thị Hoà", phone: "0987 654 321", email: "hoa.dinh@example.vn" };
const DESCRIPTION = "Ổ gà sâu giữa đường trục thôn, xe máy ngã hai lần trong tuần";
const LANDMARK = "Đầu cầu tràn, cạnh quán tạp hoá";
const ANSWER = "Đã vá ổ gà bằng bê tông nhựa, đường đi lại bình thường.";
const HEIC = readFileSync(new URL("../fixtures/images/red-blue-64x48.heic", import.meta.url));

/** A JPEG carrying a camera, an artist and a GPS position in its EXIF: what a phone's photo carries. */
const jpegWithGps = (background: string) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background } })
    .jpeg()
    .withExif({
      IFD0: { Make: "XaSo phone", Model: "journey", Artist: REPORTER.name },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "22/1 20/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "103/1 50/1 0/1" },
    })
    .toBuffer();

describeBrowser("issue #11's journey: report without JavaScript, handle on the desk, confirm, see it in public", () => {
  const e2e = useE2e({ env: { MAP_TILE_URL: "none" } });
  let resident: XasoPage;
  /** The same pages with JavaScript on, for axe (which needs script in the page). */
  let residentAxe: XasoPage;
  let desk: XasoPage;
  let specialist: XasoPage;
  let villageName: string;
  const sent = { code: "", link: "", id: "" };

  beforeAll(async () => {
    const { deps, db } = e2e().app;
    const lan = (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'chuyenvien.giaphu'")).rows[0]!.id;
    await buildReportCategory(deps, {
      communeCode: DEMO_COMMUNE,
      code: "pothole",
      nameVi: "Ổ gà, đường hỏng",
      nameEn: "Potholes",
      timeLimitDays: 5,
      responsibleUserId: lan,
    });
    villageName = (await buildVillage(deps, DEMO_COMMUNE, "Thôn Cầu Tràn")).fullName;
    [resident, residentAxe, desk, specialist] = await Promise.all([
      e2e().openPage({ javaScriptEnabled: false, ...PHONE_NARROW }),
      e2e().openPage(PHONE_NARROW),
      e2e().openPage(),
      e2e().openPage(),
    ]);
    for (const x of [resident, residentAxe, desk, specialist]) x.page.setDefaultTimeout(10_000);
    await Promise.all([desk.signIn("motcua.giaphu"), specialist.signIn("chuyenvien.giaphu")]);
  });

  /** axe on the page `x` shows now, or, for a page without script, on the same address in the twin. */
  const expectAccessible = async (x: XasoPage, where: string) => {
    const checked = x === resident ? residentAxe : x;
    if (checked !== x) await checked.open(x.path);
    const violations = await checked.axe();
    expect(violations, formatViolations(where, violations)).toEqual([]);
  };
  const expectNarrow = async (x: XasoPage) => {
    const { scrollWidth } = await x.horizontalOverflow();
    expect({ scrollWidth, wide: scrollWidth > 360 ? await x.overflowingElements(360) : [] }, `${x.path} scrolls sideways`).toEqual({
      scrollWidth: 360,
      wide: [],
    });
  };

  /** An officer's step on the report page `x` shows. */
  const step = (x: XasoPage, action: string, label: string, fill?: (form: StepForm) => Promise<unknown>) => officeStep(x, sent.id, action, label, fill);

  it("the resident reports at 360 px without JavaScript, with a JPEG and a HEIC photo, and keeps the code and the private link", async () => {
    await resident.open(reportPaths.newReport(DEMO_COMMUNE));
    await expectNarrow(resident);
    await expectAccessible(resident, "the place step");
    const place = resident.page.locator("main form[method=get]");
    await place.getByLabel("Loại việc").selectOption({ label: "Ổ gà, đường hỏng" });
    await place.getByLabel("Thôn, tổ dân phố").selectOption({ label: villageName });
    await place.getByLabel("Địa điểm cụ thể").fill(LANDMARK);
    expect((await resident.navigateBy(place.getByRole("button", { name: "Tiếp tục" }))).status()).toBe(200);
    await expectNarrow(resident);
    await expectAccessible(resident, "the full form");

    const form = resident.page.locator('main form[method="post"]');
    await form.getByLabel("Mô tả").fill(DESCRIPTION);
    const photo = await jpegWithGps("#665544");
    // What is sent does carry the position and the name, so that their absence later means they were stripped.
    expect((await sharp(photo).metadata()).exif?.toString("latin1")).toContain("XaSo phone");
    await form.getByLabel("Ảnh 1").setInputFiles({ name: "o-ga.jpg", mimeType: "image/jpeg", buffer: photo });
    await form.getByLabel("Ảnh 2").setInputFiles({ name: "IMG_0001.HEIC", mimeType: "image/heic", buffer: HEIC });
    await form.getByLabel("Họ và tên").fill(REPORTER.name);
    await form.getByLabel("Số điện thoại di động").fill(REPORTER.phone);
    await form.getByLabel("Thư điện tử").fill(REPORTER.email);
    const res = await resident.navigateBy(form.getByRole("button", { name: "Gửi phản ánh" }));
    expect(res.status()).toBe(200);
    expect(await resident.h1()).toBe("Đã gửi phản ánh");
    sent.code = (await resident.page.locator(".report-code strong").innerText()).trim();
    expect(sent.code).toMatch(/^PA-[A-Z0-9]{6}$/);
    sent.link = (await resident.page.locator(".report-sent a").first().getAttribute("href")) ?? "";
    expect(sent.link).toContain(`/reports/follow/${sent.code}/`);
    await expectNarrow(resident);
    await expectAccessible(resident, "the sent page");

    const { rows } = await e2e().app.db.query<{ id: string; n: number }>(
      "SELECT r.id, (SELECT count(*)::int FROM report_photos p WHERE p.report_id = r.id) AS n FROM reports r WHERE r.code = $1",
      [sent.code],
    );
    sent.id = rows[0]!.id;
    expect(rows[0]!.n, "both photos, the HEIC one too, are kept").toBe(2);
  });

  it("the one-stop officer finds it on the desk's new tab and opens it", async () => {
    await desk.open(`${reportPaths.desk}?tab=new`);
    await expectAccessible(desk, "the desk, new tab");
    const row = desk.page.locator("main table tbody tr", { hasText: sent.code });
    expect(await row.innerText()).toContain("Ổ gà, đường hỏng");
    expect((await desk.navigateBy(row.getByRole("link", { name: sent.code, exact: true }))).status()).toBe(200);
    expect(desk.path).toBe(reportPaths.officeReport(sent.id));
    expect(await desk.h1()).toContain(sent.code);
    const main = await desk.page.locator("main").innerText();
    expect(main).toContain(REPORTER.name);
    expect(main).toContain(DESCRIPTION);
    await expectAccessible(desk, "the office report page");
  });

  it("accepts it and assigns it to the specialist", async () => {
    expect(await step(desk, "accept", "Tiếp nhận xử lý")).toBe("Đã tiếp nhận phản ánh.");
    const flash = await step(desk, "assign", "Giao xử lý", (form) => form.getByLabel("Người xử lý").selectOption({ label: "Hoàng Thị Lan" }));
    expect(flash).toBe("Đã giao xử lý.");
    await expectAccessible(desk, "the office report page, assigned");
  });

  it("the specialist finds it under 'mine' and answers with a photo", async () => {
    await specialist.open(`${reportPaths.desk}?tab=mine`);
    const row = specialist.page.locator("main table tbody tr", { hasText: sent.code });
    expect((await specialist.navigateBy(row.getByRole("link", { name: sent.code, exact: true }))).status()).toBe(200);
    const flash = await step(specialist, "resolve", "Trả lời, kết thúc xử lý", async (form) => {
      await form.getByLabel("Nội dung trả lời").fill(ANSWER);
      await form.locator('input[type=file][name="photos"]').setInputFiles({ name: "sau.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps("#778899") });
    });
    expect(flash).toBe("Đã trả lời phản ánh.");
    await expectAccessible(specialist, "the office report page, answered");
  });

  it("the resident opens the private link, sees the answer and its photo, and confirms with a rating", async () => {
    expect((await resident.open(sent.link)).status()).toBe(200);
    expect(await resident.h1()).toBe(`Phản ánh ${sent.code}`);
    const main = resident.page.locator("main");
    expect(await main.innerText()).toContain(ANSWER);
    // The reporter's two photos and the answer's photo, each served through the private link.
    const srcs = await main.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).getAttribute("src") ?? ""));
    expect(srcs.filter((s) => s.startsWith(`/reports/follow/${sent.code}/`))).toHaveLength(3);
    // Each one is served (they load lazily, so ask for them as the browser would).
    for (const src of srcs) {
      const photo = await resident.page.request.get(new URL(src, e2e().baseUrl).toString());
      expect({ src, status: photo.status(), type: photo.headers()["content-type"] }).toEqual({ src, status: 200, type: "image/jpeg" });
    }
    await expectNarrow(resident);
    await expectAccessible(resident, "the private page, answered");
    const confirm = main.locator('form[action$="/confirm"]');
    await confirm.getByLabel("Mức hài lòng (không bắt buộc)").selectOption("5");
    expect((await resident.navigateBy(confirm.getByRole("button", { name: "Đã khắc phục, cảm ơn" }))).status()).toBe(200);
    expect(await resident.flash()).toBe("Cảm ơn bạn đã xác nhận. Phản ánh đã kết thúc.");
    expect(await main.getByRole("button", { name: "Đã khắc phục, cảm ơn" }).count()).toBe(0);
    const { rows } = await e2e().app.db.query("SELECT status, satisfaction FROM reports WHERE id = $1", [sent.id]);
    expect(rows[0]).toEqual({ status: "closed", satisfaction: 5 });
    await expectAccessible(resident, "the private page, closed");
  });

  const expectNoPersonalData = (html: string, where: string) => {
    for (const secret of [REPORTER.name, REPORTER.phone, REPORTER.phone.replace(/ /g, ""), "987654321", REPORTER.email, "Đinh"])
      expect(html, `${where} shows ${secret}`).not.toContain(secret);
  };

  it("the public list shows it with its answer and no personal data", async () => {
    const visitor = await e2e().openPage({ javaScriptEnabled: false, ...PHONE_NARROW });
    const res = await visitor.open(reportPaths.publicList(DEMO_COMMUNE));
    const item = visitor.page.locator("main li, main article, main tr", { hasText: sent.code }).last();
    const text = await item.innerText();
    expect(text).toContain("Ổ gà, đường hỏng");
    expect(text).toContain(ANSWER);
    expectNoPersonalData(await res.text(), "the public list");
    await expectNarrow(visitor);
    await residentAxe.open(visitor.path);
    const violations = await residentAxe.axe();
    expect(violations, formatViolations("the public list", violations)).toEqual([]);
  });

  it("the public report shows the answer and the photos, with no personal data and no metadata in the photos", async () => {
    const visitor = await e2e().openPage({ javaScriptEnabled: false, ...PHONE_NARROW });
    const res = await visitor.open(reportPaths.publicReport(sent.code));
    const html = await res.text();
    expectNoPersonalData(html, "the public report");
    const main = await visitor.page.locator("main").innerText();
    expect(main).toContain(DESCRIPTION);
    expect(main).toContain(ANSWER);
    expect(main).toContain("Đã kết thúc");
    expect(main).toContain("Mức hài lòng của người phản ánh: 5/5");
    await expectNarrow(visitor);
    await residentAxe.open(visitor.path);
    const violations = await residentAxe.axe();
    expect(violations, formatViolations("the public report", violations)).toEqual([]);

    const srcs = await visitor.page.locator("main img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).getAttribute("src") ?? ""));
    const photos = [...new Set(srcs.filter((s) => s.startsWith("/reports/photos/")))];
    expect(photos, "two photos of the report and one of the answer").toHaveLength(3);
    for (const src of photos) {
      const served = await fetch(new URL(src, e2e().baseUrl));
      expect(served.status).toBe(200);
      const body = Buffer.from(await served.arrayBuffer());
      expectNoPersonalData(body.toString("latin1"), src);
      const meta = await sharp(body).metadata();
      expect({ src, format: meta.format, exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc }).toEqual({
        src,
        format: "jpeg",
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
      });
    }
  });

  it("the same pages read in English once the visitor chooses it", async () => {
    const visitor = await e2e().openPage({ javaScriptEnabled: false, ...PHONE_NARROW });
    await visitor.open(sent.link);
    expect((await visitor.chooseLanguage("en")).status()).toBe(200);
    expect(await visitor.lang()).toBe("en");
    expect(await visitor.h1()).toBe(`Report ${sent.code}`);
    const privatePage = await visitor.page.locator("main").innerText();
    expect(privatePage).toContain("Closed");
    expect(privatePage).toContain("Potholes");
    await visitor.open(reportPaths.publicReport(sent.code));
    const publicPage = await visitor.page.locator("main").innerText();
    expect(publicPage).toContain("Closed");
    expect(publicPage).toContain("The reporter's satisfaction: 5/5");
    // No catalogue key shows instead of a text.
    expect(`${privatePage}\n${publicPage}`).not.toMatch(/\breports\.[a-z]+\.[\w.]+/);
  });

  it("a report posted by an Open311 client appears on the desk's new tab", async () => {
    const { db } = e2e().app;
    const apiKey = newOpen311Key();
    await db.query(
      `INSERT INTO open311_clients (name, contact, unit_code, unit_path, key_hash, key_hint)
       SELECT 'Ứng dụng tỉnh', 'cntt@example.vn', code, path, $1, $2 FROM admin_units WHERE code = $3`,
      [hashOpen311Key(apiKey), apiKey.slice(-4), DEMO_COMMUNE],
    );
    const posted = await fetch(new URL(`${reportPaths.open311Base}/requests.json`, e2e().baseUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        jurisdiction_id: DEMO_COMMUNE,
        api_key: apiKey,
        service_code: "pothole",
        description: "Ổ gà trước cổng trường tiểu học (qua ứng dụng tỉnh)",
        address_string: "Cổng trường tiểu học",
      }),
    });
    expect(posted.status).toBe(200);
    const [answer] = (await posted.json()) as { service_request_id: string }[];
    await desk.open(`${reportPaths.desk}?tab=new`);
    const row = desk.page.locator("main table tbody tr", { hasText: answer!.service_request_id });
    expect(await row.innerText()).toContain("Ổ gà trước cổng trường tiểu học");
    expect((await desk.navigateBy(row.getByRole("link", { name: answer!.service_request_id, exact: true }))).status()).toBe(200);
    expect(await desk.h1()).toContain(answer!.service_request_id);
  });
});
