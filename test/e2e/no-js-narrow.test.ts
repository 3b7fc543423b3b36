// The citizen-facing pages with JavaScript off on a 360-px-wide phone: everything works through plain
// links and form posts, nothing scrolls sideways, and axe finds nothing at that width either.
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE, DEMO_PROVINCE } from "../../src/demo/seed-demo.ts";
import { seedReportsDemo } from "../../src/demo/seed-reports.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser, NARROW_VIEWPORT } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import type { XasoPage } from "./support/xaso-page.ts";
import { buildHousehold } from "../support/registry-factories.ts";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { labelledPdf } from "../../src/platform/files/labelled-pdf.ts";
import { submitReport } from "../../src/modules/reports/index.ts";
import { buildHallService, buildNotice } from "../support/notice-factories.ts";

const CITIZEN_PAGES: { name: string; path: string; status?: number }[] = [
  { name: "home", path: "/" },
  { name: "sign-in", path: "/sign-in" },
  { name: "units", path: "/units" },
  { name: "search results", path: "/units?q=gia+phu" },
  { name: "province", path: `/units/${DEMO_PROVINCE}` },
  { name: "commune", path: `/units/${DEMO_COMMUNE}` },
  { name: "village", path: `/units/${DEMO_COMMUNE}.001` },
  { name: "privacy", path: "/privacy" },
  { name: "API docs", path: "/api/docs" },
  { name: "404 page", path: "/no-such-page", status: 404 },
  { name: "procedures", path: "/procedures" },
  { name: "a procedure", path: "/procedures/1.004873" },
  { name: "status", path: "/status" },
  { name: "phone sign-in", path: "/sign-in/phone" },
  { name: "figures", path: "/figures" },
  { name: "citizen reports", path: "/reports" },
  { name: "a commune's public reports", path: `/reports/${DEMO_COMMUNE}` },
  { name: "public reports filtered", path: `/reports/${DEMO_COMMUNE}?status=open&month=2026-11` },
  // The map page is checked in test/e2e/report-map.test.ts, whose tiles come from a local stub (no network here).
  { name: "report form, the place", path: `/reports/${DEMO_COMMUNE}/new` },
  { name: "report form, in full", path: `/reports/${DEMO_COMMUNE}/new?step=full&categoryCode=nj_drain` },
  { name: "report look-up", path: "/reports/follow" },
  { name: "citizen-report figures", path: `/reports/${DEMO_COMMUNE}/figures` },
  // indicators/dashboards: the public page (the office pages: test/e2e/indicators-dashboard.test.ts)
  { name: "public indicators: choose a unit", path: "/indicators" },
  { name: "public indicators of a commune", path: `/indicators/${DEMO_COMMUNE}` },
  { name: "public indicators of a province", path: `/indicators/${DEMO_PROVINCE}` },
  // notices/public (a notice's own page: the journey at the end)
  { name: "notices: choose a commune", path: "/notices" },
  { name: "a commune's notices", path: `/notices/${DEMO_COMMUNE}` },
  { name: "a commune's notices, filtered", path: `/notices/${DEMO_COMMUNE}?category=health` },
  // notices+hall journey (the kiosk's ticket, a ticket's page and the big screen, whose heading is above its main: the
  // hall's journey at the end)
  { name: "a village's notices", path: `/notices/${DEMO_COMMUNE}/village/${DEMO_COMMUNE}.001` },
  { name: "hall kiosk", path: `/hall/${DEMO_COMMUNE}/kiosk` },
  { name: "hall online booking", path: `/hall/${DEMO_COMMUNE}/book` },
];

/** Pages of a signed-in citizen; `path` is a function where the address is found on the way (a dossier's id). */
const SIGNED_IN_PAGES: { name: string; path: () => string }[] = [
  { name: "application form", path: () => "/dossiers/new?procedure=1.004873" },
  { name: "my dossiers", path: () => "/me/dossiers" },
  { name: "my dossier (supplement requested, fee to pay)", path: () => found.myDossier },
  { name: "profile", path: () => "/me/profile" },
  { name: "vault", path: () => "/me/vault" },
  { name: "my household, asked whether a resident is me", path: () => "/me/household" },
  { name: "my reports", path: () => "/me/reports" },
  { name: "a report's private page", path: () => found.reportFollow },
  // notices+hall journey
  { name: "my notice choices", path: () => "/me/notices" },
];
const found = { myDossier: "", code: "", reportFollow: "" };

describeBrowser("without JavaScript, at 360 px", () => {
  const e2e = useE2e({ publicServices: true });
  let noJs: XasoPage;
  let narrowJs: XasoPage;
  let citizenNoJs: XasoPage;
  let citizenJs: XasoPage;

  beforeAll(async () => {
    noJs = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    // axe needs JavaScript (Chromium closes a script-less page when axe runs); the markup is the same, the app ships no scripts.
    narrowJs = await e2e().openPage({ viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    citizenNoJs = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    citizenJs = await e2e().openPage({ viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    await Promise.all([citizenNoJs.signIn("congdan.phuha"), citizenJs.signIn("congdan.phuha")]);
    // The demo's citizen reports (as `npm start` seeds them): the report figures have rows to show.
    await seedReportsDemo(e2e().app.deps);
    // The demo citizen's dossier that waits for a supplement (and has a fee to pay): the fullest dossier page.
    await citizenNoJs.open("/me/dossiers");
    const link = citizenNoJs.page.locator("main table tbody tr").filter({ hasText: "Chờ bổ sung hồ sơ" }).first().locator("a");
    found.myDossier = (await link.getAttribute("href")) ?? "";
    found.code = (await link.innerText()).trim();
    // Enter once: a household of Thôn Phú Hà whose head is proposed to the demo citizen as being them.
    const deps = e2e().app.deps;
    // A citizen report category of the commune and a report's private page (factories, not the demo).
    await buildReportCategory(deps, { communeCode: DEMO_COMMUNE, code: "nj_drain", nameVi: "Cống, rãnh", nameEn: "Drains" });
    found.reportFollow = (
      await submitReport(
        deps,
        { actor: { userId: null, label: "anonymous" }, requestId: null, principal: null },
        {
          communeCode: DEMO_COMMUNE,
          categoryCode: "nj_drain",
          description: "Cống tắc",
          contact: { name: "Hoàng Thị Lan", phone: "0912777889" },
          channel: "web",
        },
      )
    ).followUrl;
    const home = await buildHousehold(deps, {
      villageCode: `${DEMO_COMMUNE}.001`,
      address: "Số 3 đường Phú Hà",
      members: [
        { fullName: "Đỗ Văn Nam", birthDate: "1990-05-12", sex: "male" },
        { fullName: "Đỗ Thị Hằng Nguyễn Phương Thảo", birthYear: 1992, relationToHead: "spouse" },
      ],
    });
    await deps.db.query(
      "INSERT INTO resident_account_links (resident_id, user_id, matched_on) SELECT $1, id, 'phone' FROM users WHERE username = 'congdan.phuha'",
      [home.residentIds[0]],
    );
    // Public citizen reports on the commune's list (reports' factories): a long landmark must wrap, not scroll.
    const category = await buildReportCategory(deps, { communeCode: DEMO_COMMUNE, nameVi: "Vệ sinh môi trường" });
    await buildReport(deps, {
      categoryId: category.id,
      communeCode: DEMO_COMMUNE,
      landmark: "Cạnh cầu tràn, đối diện nhà văn hoá thôn Phú Hà, đường liên thôn",
    });
  });

  /** No sideways scrolling, and when there is, which elements stick out. */
  const expectFits = async (x: XasoPage) => {
    const { scrollWidth, viewport } = await x.horizontalOverflow();
    const wide = scrollWidth > 360 || viewport !== 360 ? await x.overflowingElements(360) : [];
    expect({ scrollWidth, viewport, wide }, `${x.path} scrolls sideways`).toEqual({ scrollWidth: 360, viewport: 360, wide: [] });
  };

  it("really runs with JavaScript off", async () => {
    await noJs.open("/");
    const ran = await noJs.page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "document.documentElement.dataset.ran = 'yes'";
      document.body.append(s);
      return document.documentElement.dataset.ran ?? "no";
    });
    expect(ran).toBe("no");
    expect(await noJs.horizontalOverflow()).toEqual({ scrollWidth: 360, viewport: 360 });
  });

  it.each(CITIZEN_PAGES)("$name ($path) fits 360 px without JavaScript", async (p) => {
    await noJs.open(p.path, p.status ?? 200);
    expect((await noJs.h1()).length).toBeGreaterThan(0);
    await expectFits(noJs);
  });

  it.each(CITIZEN_PAGES)("$name ($path) has no axe violations at 360 px", async (p) => {
    await narrowJs.open(p.path, p.status ?? 200);
    expect((await narrowJs.horizontalOverflow()).scrollWidth).toBeLessThanOrEqual(360);
    const violations = await narrowJs.axe();
    const report = formatViolations(`${p.name} at 360 px`, violations);
    if (violations.length) console.error(report);
    expect(violations, report).toEqual([]);
  });

  it.each(SIGNED_IN_PAGES)("$name fits 360 px without JavaScript, signed in as a citizen", async (p) => {
    await citizenNoJs.open(p.path());
    expect((await citizenNoJs.h1()).length).toBeGreaterThan(0);
    await expectFits(citizenNoJs);
  });

  it.each(SIGNED_IN_PAGES)("$name has no axe violations at 360 px", async (p) => {
    await citizenJs.open(p.path());
    await expectFits(citizenJs);
    const violations = await citizenJs.axe();
    const report = formatViolations(`${p.name} at 360 px`, violations);
    if (violations.length) console.error(report);
    expect(violations, report).toEqual([]);
  });

  it("shows the application form's errors at 360 px without JavaScript", async () => {
    await citizenNoJs.open("/dossiers/new?procedure=1.004873");
    const form = citizenNoJs.page.locator('main form[action="/dossiers/new"][method="post"]');
    await form.getByLabel("Họ, chữ đệm và tên", { exact: true }).fill("");
    const res = await citizenNoJs.navigateBy(form.getByRole("button", { name: "Nộp hồ sơ", exact: true }));
    expect(res.status()).toBe(400);
    const hrefs = await citizenNoJs.page.locator(".error-summary a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["#f-applicant-fullName", "#f-documents-declaration", "#f-documents-identityDocument"]));
    await citizenNoJs.page.locator(".error-summary:focus").waitFor({ timeout: 5_000 });
    await expectFits(citizenNoJs);
  });

  it("answers “is this you?” and shows the household at 360 px without JavaScript", async () => {
    await citizenNoJs.open("/me/household");
    const res = await citizenNoJs.navigateBy(citizenNoJs.page.getByRole("button", { name: "Đúng, đây là tôi" }));
    expect(res.status()).toBe(200);
    expect(citizenNoJs.path).toBe("/me/household");
    expect(await citizenNoJs.page.locator("main table").innerText()).toContain("Đỗ Thị Hằng Nguyễn Phương Thảo");
    await expectFits(citizenNoJs);
  });

  it("looks a dossier up on the status page at 360 px without JavaScript", async () => {
    await noJs.open("/status");
    const form = noJs.page.locator('main form[action="/status"]');
    await form.getByLabel("Mã hồ sơ").fill(found.code);
    await form.getByLabel("4 số cuối").fill("5678");
    const res = await noJs.navigateBy(form.getByRole("button", { name: "Tra cứu" }));
    expect(res.status()).toBe(200);
    expect(await noJs.page.locator("main h2").first().innerText()).toBe(`Hồ sơ ${found.code}`);
    expect(await noJs.page.locator("main ol li").count()).toBeGreaterThan(1);
    await expectFits(noJs);
  });

  it("searches from the home page without JavaScript", async () => {
    await noJs.open("/");
    const res = await noJs.search("gia phu");
    expect(res.status()).toBe(200);
    expect(noJs.path).toBe("/units?q=gia+phu");
    expect(await noJs.linkNames("main table tbody")).toContain("Xã Gia Phú");
    expect((await noJs.horizontalOverflow()).scrollWidth).toBeLessThanOrEqual(360);

    // …and again from the results page, with a query that is too short: the error is shown, linked to the field.
    const again = await noJs.search("g");
    expect(again.status()).toBe(200);
    expect(await noJs.page.locator(".error-summary a").getAttribute("href")).toBe("#f-q");
    expect((await noJs.horizontalOverflow()).scrollWidth).toBeLessThanOrEqual(360);
  });

  it("walks down the admin tree by links without JavaScript", async () => {
    await noJs.open("/units");
    await noJs.followLink("Tỉnh Lào Cai", noJs.page.locator("main table"));
    await noJs.followLink("Xã Gia Phú", noJs.page.locator("main table"));
    expect(noJs.path).toBe(`/units/${DEMO_COMMUNE}`);
    await noJs.followLink("Thôn Phú Hà", noJs.page.locator("main table"));
    expect(await noJs.h1()).toBe("Thôn Phú Hà");
    expect((await noJs.horizontalOverflow()).scrollWidth).toBeLessThanOrEqual(360);
  });

  it("signs in and out without JavaScript, with the errors shown on a bad attempt", async () => {
    await noJs.open("/sign-in");
    const bad = await noJs.submitSignIn("", "");
    expect(bad.status()).toBe(400);
    expect(noJs.path).toBe("/sign-in");
    const hrefs = await noJs.page.locator(".error-summary a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["#f-username", "#f-password"]);
    expect(await noJs.page.locator(".error-summary li").allInnerTexts()).toEqual([
      "Trường “Tên đăng nhập”: bắt buộc phải nhập",
      "Trường “Mật khẩu”: bắt buộc phải nhập",
    ]);
    // Focus moves to the summary without any script (autofocus).
    await noJs.page.locator(".error-summary:focus").waitFor({ timeout: 5_000 });
    expect((await noJs.horizontalOverflow()).scrollWidth).toBeLessThanOrEqual(360);

    const ok = await noJs.submitSignIn("xa.giaphu", "xaso-demo-2026");
    expect(ok.status()).toBe(200);
    expect(noJs.path).toBe("/office");
    expect(await noJs.h1()).toBe("Xin chào, Nguyễn Thị Hoa");
    expect((await noJs.horizontalOverflow()).scrollWidth).toBeLessThanOrEqual(360);

    await noJs.signOut();
    expect(noJs.path).toBe("/");
    expect(await noJs.flash()).toBe("Bạn đã đăng xuất.");
  });

  it("changes the language without JavaScript", async () => {
    await noJs.open("/units");
    await noJs.chooseLanguage("en");
    expect(noJs.path).toBe("/units");
    expect(await noJs.h1()).toBe("Administrative units");
    expect((await noJs.horizontalOverflow()).scrollWidth).toBeLessThanOrEqual(360);
    await noJs.chooseLanguage("vi");
    expect(await noJs.h1()).toBe("Đơn vị hành chính");
  });

  it("shows “Hồ sơ của tôi” as cards at 360 px: nothing scrolls sideways, not even inside a box", async () => {
    await citizenNoJs.open("/me/dossiers");
    await expectFits(citizenNoJs);
    const scrollers = await citizenNoJs.page.locator("main *").evaluateAll((els) =>
      els
        // Visually hidden text (a 1-px clip) is not a box anyone scrolls.
        .filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
        .map((e) => e.tagName),
    );
    expect(scrollers).toEqual([]);
    // Each dossier is a card whose cells say what they are (the column headers are hidden at this width).
    const row = citizenNoJs.page.locator("main table tbody tr").first();
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe("block");
    expect(await row.locator("td[data-label]").count()).toBe(4);
  });

  it("speaks Vietnamese to a browser set to English until the person picks English, on /api/docs too", async () => {
    const english = await e2e().openPage({ locale: "en-US", javaScriptEnabled: false, viewport: NARROW_VIEWPORT });
    const res = await english.open("/units");
    expect(await res.request().headerValue("accept-language")).toMatch(/^en/);
    expect(await english.lang()).toBe("vi");
    expect(await english.h1()).toBe("Đơn vị hành chính");
    await english.signIn("congdan.phuha");
    await english.open("/api/docs");
    expect(await english.lang()).toBe("vi");
    const switched = await english.chooseLanguage("en");
    expect(switched.status()).toBe(200);
    expect(english.path).toBe("/api/docs");
    expect(await english.lang()).toBe("en");
  });

  it("lets a volunteer file for a citizen: a failed submit keeps the form and makes no draft; with consent it files", async () => {
    const volunteer = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    await volunteer.signIn("tinhnguyen.phuha");
    await volunteer.open("/office");
    await volunteer.followLink("Nộp hồ sơ cho người dân");
    expect(volunteer.path).toBe("/procedures");
    const db = e2e().app.db;
    const filedByVolunteer = async () =>
      (
        await db.query<{ state: string; n: number }>(
          "SELECT d.state, count(*)::int AS n FROM dossiers d JOIN users u ON u.id = d.filed_by_user_id WHERE u.username = 'tinhnguyen.phuha' GROUP BY d.state",
        )
      ).rows;
    const before = await filedByVolunteer();

    await volunteer.open("/dossiers/new?procedure=1.004873");
    const form = volunteer.page.locator('main form[action="/dossiers/new"][method="post"]');
    const shape = () =>
      form.locator("input:not([type=hidden]), select, textarea").evaluateAll((els) => els.map((e) => `${e.tagName}:${e.getAttribute("name")}`));
    const shapeBefore = await shape();
    expect(await volunteer.page.locator("main").innerText()).toContain("Người nộp hộ và ghi nhận sự đồng ý: Lý Thị Mai");
    await form.getByLabel("Họ, chữ đệm và tên", { exact: true }).fill("Hà Thị Lụa");
    await form.locator("#f-applicant-birthDate").fill("31/02/1988");
    await form.locator("#f-applicant-phone").fill("0912777001");
    const pdf = (name: string) => ({ name: `${name}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(labelledPdf(`XaSo e2e - ${name}`)) });
    await form.locator("#f-documents-declaration").setInputFiles(pdf("to-khai"));
    const failed = await volunteer.navigateBy(form.getByRole("button", { name: "Nộp hồ sơ", exact: true }));
    expect(failed.status()).toBe(400);
    expect(volunteer.path).toBe("/dossiers/new");
    expect(await shape()).toEqual(shapeBefore);
    expect(await form.locator("#f-applicant-fullName").inputValue()).toBe("Hà Thị Lụa");
    expect(await form.locator("#f-applicant-birthDate").inputValue()).toBe("31/02/1988");
    const summary = await volunteer.page.locator(".error-summary li").allInnerTexts();
    expect(summary[0]).toContain("người dân ký, đồng ý bằng lời có người làm chứng hoặc điểm chỉ");
    expect(summary.join("\n")).toContain("không có ngày này trong lịch");
    expect(await filedByVolunteer()).toEqual(before);
    await expectFits(volunteer);

    await form.getByLabel("Người dân ký xác nhận").check();
    await form.locator("#f-assistedConsent-photo").setInputFiles(pdf("giay-dong-y"));
    await form.locator("#f-applicant-birthDate").fill("3/8/1988");
    await form.locator("#f-applicant-address").fill("Thôn Phú Hà, xã Gia Phú");
    await form.locator("#f-applicant-citizenIdNumber").fill("001188001234");
    await form.locator("#f-delivery-method").check();
    await form.locator("#f-form-maritalStatus").check();
    await form.locator("#f-form-purpose").fill("Để đăng ký kết hôn");
    for (const input of await form.locator('input[type=file][name^="doc."]').all()) await input.setInputFiles(pdf("giay-to"));
    const filed = await volunteer.navigateBy(form.getByRole("button", { name: "Nộp hồ sơ", exact: true }));
    expect(filed.status()).toBe(200);
    expect(volunteer.path).toMatch(/^\/me\/dossiers\/[0-9a-f-]{36}\?submitted=1$/);
    const id = volunteer.path.slice("/me/dossiers/".length, -"?submitted=1".length);
    const row = (await db.query("SELECT applicant, assisted_consent FROM dossiers WHERE id = $1", [id])).rows[0]!;
    expect(row.applicant).toMatchObject({ fullName: "Hà Thị Lụa", birthDate: "1988-08-03" });
    expect(row.assisted_consent).toMatchObject({ method: "signature", recordedByName: "Lý Thị Mai", photo: true });
    const kept = await db.query("SELECT 1 FROM dossier_documents WHERE dossier_id = $1 AND requirement_key = 'assistedConsent'", [id]);
    expect(kept.rowCount).toBe(1);
  });

  // notices/public
  it("takes a resident from the commune choice to a long emergency notice with JavaScript off, within 360 px", async () => {
    const deps = e2e().app.deps;
    const title = "Cảnh báo sạt lở đất tại các thôn ven suối Ngòi Đum, sơ tán ngay trong đêm";
    const long = await buildNotice(deps, {
      unitCode: DEMO_COMMUNE,
      category: "emergency",
      title,
      body: `Bà con **không ở lại** nhà ven suối.\n\n- Điểm sơ tán: trường tiểu học\n- Xem https://dichvucong.gov.vn/p/home/dvc-trang-chu-thong-tin-canh-bao-thien-tai-rat-dai-khong-xuong-dong.html\n\n${"Giữ liên lạc với trưởng thôn. ".repeat(30)}`,
    });
    // A fresh browser: the lists opened above are in this one's cache for a minute (public, max-age=60).
    const x = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    await x.open("/notices");
    await x.navigateBy(x.page.locator('main form[action="/notices"]').locator("button[type=submit]"));
    expect(x.path).toMatch(/^\/notices\/\d{5}$/);
    await x.open(`/notices/${DEMO_COMMUNE}`);
    await expectFits(x);
    await x.followLink(title);
    expect(x.path).toBe(`/notices/n/${long.id}`);
    expect(await x.h1()).toBe(title);
    await expectFits(x);
  });

  // notices+hall journey
  it("takes a number at the hall's kiosk with JavaScript off, within 360 px, and shows the ticket's own page", async () => {
    const service = await buildHallService(e2e().app.deps, { communeCode: DEMO_COMMUNE, letter: "N" });
    const x = await e2e().openPage({ javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true });
    await x.open(`/hall/${DEMO_COMMUNE}/kiosk`);
    await x.navigateBy(x.page.locator(`button[name=serviceId][value="${service.id}"]`));
    expect(x.path).toMatch(new RegExp(`^/hall/${DEMO_COMMUNE}/kiosk/t/[0-9a-f-]{36}`));
    expect((await x.page.locator("#ticket-label").innerText()).trim()).toBe("N001");
    await expectFits(x);
    const id = /\/kiosk\/t\/([0-9a-f-]{36})/.exec(x.path)![1]!;
    await x.open(`/hall/t/${id}`);
    expect(await x.page.locator("main").innerText()).toContain("N001");
    await expectFits(x);
    // The big screen is a TV's page; on a phone, without JavaScript, it still fits and lists the service.
    await x.open(`/hall/${DEMO_COMMUNE}/screen`);
    expect(await x.page.locator("h1").innerText()).not.toBe("");
    expect(await x.page.locator('#hall-services li[data-letter="N"]').count()).toBe(1);
    await expectFits(x);
  });
});
